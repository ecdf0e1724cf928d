/**
 * What analyst Cypher may do, decided on the statement's parse tree (Neo4j's own Cypher grammar,
 * from @neo4j-cypher/language-support) before anything is sent to the database. Strings, comments
 * and backticks are therefore never mistaken for keywords, and a keyword is never hidden in them.
 *
 * Refused as FORBIDDEN (with the reason): LOAD CSV (it reads files and fetches URLs), administration
 * commands (SHOW/TERMINATE TRANSACTIONS, users, settings, CREATE/DROP …), USE, writes, procedures
 * outside a short allow-list, functions outside Cypher's built-in namespaces, and the shapes Neo4j
 * 5.26 cannot stop once they run (a pure expression is not checked for the transaction timeout nor
 * counted against the transaction's memory limit): `range()` outside UNWIND with more than
 * RANGE_MAX elements or bounds that are not literals or parameters, list iterations nested deeper
 * than MAX_ITERATION_NESTING, and a `reduce()` step that copies its accumulator; and `id()` and
 * `elementId()`, which return Neo4j's internal ids (the results strip them from nodes and relationships too).
 * Refused as BAD_USER_INPUT (a mistake): several statements, a syntax error, `CALL { … } IN
 * TRANSACTIONS` (it cannot run inside the one read transaction analyst Cypher gets).
 */
import { createRequire } from 'node:module';
import { BadUserInputError, ForbiddenError } from '../../errors.js';

/** Largest `range()` a pure expression may build (an UNWIND of a range streams, and is stopped by the timeout). */
export const RANGE_MAX = 10_000;
/** List comprehensions, reduce(), quantifiers and pattern comprehensions inside one another. */
export const MAX_ITERATION_NESTING = 2;

/** Read-only procedures about the schema and the full-text index; everything else is refused. */
export const ALLOWED_PROCEDURES = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
] as const;

/** Functions that return Neo4j's internal ids (lower case): refused, the API never exposes them. */
const INTERNAL_ID_FUNCTIONS = ['id', 'elementid'];

/** Namespaces of Cypher's own functions; un-namespaced built-ins (count, toUpper, …) are allowed too. */
const ALLOWED_FUNCTION_NAMESPACES = ['point', 'date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration', 'vector'];

// ─── the parser's shapes (the package ships CommonJS that plain Node can load; its ESM cannot) ───

interface Tree {
  children?: Tree[] | null;
  parentCtx?: Tree | null;
  getText(): string;
  start?: { line: number; column: number };
}
type TreeClass = abstract new (...args: never[]) => Tree;
interface ParsedStatement {
  ctx: Tree;
  /** ANTLR's count of the errors it recovered from; the tree of such a statement is not trusted. */
  parser: { _syntaxErrors?: number };
}
interface LanguageSupport {
  parserWrapper: { parse(query: string, consoleCommands: boolean): { statementsParsing: ParsedStatement[] } };
  [context: string]: unknown;
}

const cypher = createRequire(import.meta.url)('@neo4j-cypher/language-support') as LanguageSupport;
const rule = (name: string): TreeClass => {
  const found = cypher[`${name}Context`];
  if (typeof found !== 'function') throw new Error(`@neo4j-cypher/language-support has no ${name}Context`);
  return found as TreeClass;
};

const R = {
  command: rule('Command'),
  use: rule('UseClause'),
  loadCsv: rule('LoadCSVClause'),
  inTransactions: rule('SubqueryInTransactionsParameters'),
  call: rule('CallClause'),
  procedureName: rule('ProcedureName'),
  functionInvocation: rule('FunctionInvocation'),
  functionName: rule('FunctionName'),
  functionArgument: rule('FunctionArgument'),
  unwind: rule('UnwindClause'),
  reduce: rule('ReduceExpression'),
  variable: rule('Variable'),
  map: rule('Map'),
  listLiteral: rule('ListLiteral'),
} as const;
const WRITES: [TreeClass, string][] = [
  [rule('CreateClause'), 'CREATE'],
  [rule('MergeClause'), 'MERGE'],
  [rule('DeleteClause'), 'DELETE'],
  [rule('SetClause'), 'SET'],
  [rule('RemoveClause'), 'REMOVE'],
  [rule('ForeachClause'), 'FOREACH'],
  [rule('InsertClause'), 'INSERT'],
];
const ITERATIONS = [rule('ListComprehension'), R.reduce, rule('ListItemsPredicate'), rule('PatternComprehension')];

const is = (node: Tree, cls: TreeClass): boolean => node instanceof cls;
const nameOf = (node: Tree): string => node.getText().replace(/`/g, '');
const where = (node: Tree): string => (node.start ? ` (line ${node.start.line}, column ${node.start.column + 1})` : '');

function* descendants(node: Tree): Generator<Tree> {
  for (const child of node.children ?? []) {
    yield child;
    yield* descendants(child);
  }
}

function forbid(reason: string): never {
  throw new ForbiddenError(`Analyst Cypher refused the statement: ${reason}`);
}

function parseOne(query: string): Tree {
  const parsed = cypher.parserWrapper.parse(query, false).statementsParsing;
  if (parsed.some((s) => (s.parser._syntaxErrors ?? 0) > 0)) {
    throw new BadUserInputError('query: the statement is not valid Cypher (check the brackets, quotes and keywords; Neo4j Browser shows where).', 'query');
  }
  const statements = parsed.filter((s) => (s.ctx.children ?? []).length > 0);
  if (statements.length !== 1) {
    throw new BadUserInputError(`query: send exactly one Cypher statement (found ${statements.length}); drop the extra ones after ";".`, 'query');
  }
  return (statements[0] as ParsedStatement).ctx;
}

/** The integer value of a range() bound: a literal, or a parameter's value; undefined when it is neither. */
function boundOf(argument: Tree, params: Record<string, unknown>): number | undefined {
  const text = argument.getText().replace(/\s/g, '');
  if (/^[-+]?\d{1,18}$/.test(text)) return Number(text);
  const param = /^\$`?([\p{L}\p{N}_]+)`?$/u.exec(text)?.[1];
  const value = param === undefined ? undefined : params[param];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function checkRange(call: Tree, params: Record<string, unknown>): void {
  // UNWIND range(…) streams its rows: the transaction timeout and memory limit apply.
  if (directUnwindOperand(call)) return;
  const args = (call.children ?? []).filter((c) => is(c, R.functionArgument));
  const bounds = args.map((a) => boundOf(a, params));
  if (bounds.length < 2 || bounds.some((b) => b === undefined)) {
    forbid(`range()${where(call)} needs integer literals or parameters as its bounds, so its size can be checked (at most ${RANGE_MAX} elements outside UNWIND).`);
  }
  const [start, end, step = 1] = bounds as number[];
  const size = step === 0 ? Infinity : Math.max(0, Math.floor((end! - start!) / step) + 1);
  if (size > RANGE_MAX) {
    forbid(`range()${where(call)} would build ${size} elements; an expression may build at most ${RANGE_MAX} (Neo4j cannot stop a long expression). Use UNWIND range(…) AS x, which streams and is stopped by the timeout.`);
  }
}

function* ancestors(node: Tree): Generator<Tree> {
  for (let p = node.parentCtx; p; p = p.parentCtx) yield p;
}

/** True when the call is the whole expression of an UNWIND (not nested in another expression). */
function directUnwindOperand(call: Tree): boolean {
  for (const a of ancestors(call)) {
    if (is(a, R.unwind)) return true;
    // Only single-child expression wrappers (expression → expression11 → … → expression1) may sit between.
    if ((a.children ?? []).length !== 1) return false;
  }
  return false;
}

function checkReduce(reduce: Tree): void {
  const children = reduce.children ?? [];
  const accumulator = children.find((c) => is(c, R.variable));
  if (!accumulator) return;
  const name = nameOf(accumulator);
  const bar = children.findIndex((c) => c.getText() === '|');
  const step = children.slice(bar + 1);
  const uses = step.flatMap((s) => [s, ...descendants(s)]).filter((n) => is(n, R.variable) && nameOf(n) === name);
  const inside = (n: Tree) => is(n, R.listLiteral) || is(n, R.map) || ITERATIONS.some((c) => is(n, c));
  const nested = uses.some((u) => {
    for (const a of ancestors(u)) {
      if (a === reduce) return false;
      if (inside(a)) return true;
    }
    return false;
  });
  if (uses.length > 1 || nested) {
    forbid(`the reduce() step${where(reduce)} copies its accumulator "${name}" (it may appear once, outside lists, maps and iterations): its size would grow without bound.`);
  }
}

function iterationDepth(node: Tree): number {
  let depth = 0;
  for (const a of ancestors(node)) if (ITERATIONS.some((c) => is(a, c))) depth += 1;
  return depth + 1;
}

/** Throws FORBIDDEN or BAD_USER_INPUT when the statement may not run as analyst Cypher. */
export function checkAnalystCypher(query: string, params: Record<string, unknown>): void {
  const root = parseOne(query);
  for (const node of descendants(root)) {
    if (is(node, R.loadCsv)) forbid(`LOAD CSV${where(node)} reads files and fetches URLs; analyst Cypher reads the graph only.`);
    if (is(node, R.command)) forbid(`administration commands (SHOW, TERMINATE, CREATE/DROP/ALTER, GRANT …)${where(node)} are not available: analyst Cypher reads the graph only.`);
    if (is(node, R.use)) forbid(`USE${where(node)}: analyst Cypher reads the API's own database only.`);
    for (const [cls, clause] of WRITES) if (is(node, cls)) forbid(`${clause}${where(node)}: analyst Cypher is read-only.`);
    if (is(node, R.inTransactions)) {
      throw new BadUserInputError(`query: CALL { … } IN TRANSACTIONS${where(node)} cannot run here: analyst Cypher runs in one read transaction. Remove IN TRANSACTIONS.`, 'query');
    }
    if (is(node, R.call)) {
      const name = (node.children ?? []).find((c) => is(c, R.procedureName));
      const procedure = name ? nameOf(name) : '?';
      if (!ALLOWED_PROCEDURES.some((p) => p.toLowerCase() === procedure.toLowerCase())) {
        forbid(`the procedure ${procedure}${where(node)} is not allowed; analyst Cypher may call ${ALLOWED_PROCEDURES.join(', ')}.`);
      }
    }
    if (is(node, R.functionInvocation)) {
      const nameNode = (node.children ?? []).find((c) => is(c, R.functionName));
      const fn = nameNode ? nameOf(nameNode).toLowerCase() : '';
      const namespace = fn.includes('.') ? fn.slice(0, fn.lastIndexOf('.')) : '';
      if (namespace !== '' && !ALLOWED_FUNCTION_NAMESPACES.includes(namespace)) {
        forbid(`the function ${fn}()${where(node)} is not allowed; analyst Cypher may use Cypher's built-in functions (and the ${ALLOWED_FUNCTION_NAMESPACES.join(', ')} namespaces).`);
      }
      if (INTERNAL_ID_FUNCTIONS.includes(fn)) {
        forbid(`${nameOf(nameNode!)}()${where(node)} returns Neo4j's internal id, which changes when data is reloaded and never leaves the API; use the key property (n.key, the API's id) instead.`);
      }
      if (fn === 'range') checkRange(node, params);
    }
    if (is(node, R.reduce)) checkReduce(node);
    if (ITERATIONS.some((c) => is(node, c)) && iterationDepth(node) > MAX_ITERATION_NESTING) {
      forbid(`list iterations${where(node)} nested more than ${MAX_ITERATION_NESTING} deep (comprehensions, reduce, any/all/none/single): the work would multiply at every level.`);
    }
  }
}

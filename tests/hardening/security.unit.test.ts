/**
 * Security properties checked in the code itself, without a database: Cypher is never built from strings (only
 * the catalog's statements, with `spliceIdentifiers` as the one whitelisted splice), and the local Neo4j
 * launcher binds loopback only. Against a running server: security.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ─── string-built Cypher ───

/** Methods whose first argument is a Cypher statement. */
const CYPHER_METHODS = new Set(['read', 'write', 'run', 'executeQuery', 'readTx', 'writeTx']);
/** Receivers that are the database, a transaction, a session or the driver. */
const CYPHER_RECEIVER = /(^|\.)(db|database|tx|session|driver)$/i;

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** True when an expression builds a string at run time (a template with `${}` or a `+`), outside `spliceIdentifiers`. */
function isStringBuilt(node: ts.Expression, locals: Map<string, ts.Expression>, seen = new Set<string>()): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return isStringBuilt(node.expression, locals, seen);
  if (ts.isTemplateExpression(node)) return true;
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken)) return true;
  if (ts.isConditionalExpression(node)) return isStringBuilt(node.whenTrue, locals, seen) || isStringBuilt(node.whenFalse, locals, seen);
  if (ts.isCallExpression(node)) {
    const callee = node.expression.getText();
    if (/(^|\.)spliceIdentifiers$/.test(callee)) return false;
    // `.concat(…)`, `.join(…)`, `.replace(…)` on a statement are string building too.
    if (ts.isPropertyAccessExpression(node.expression) && ['concat', 'join', 'replace', 'replaceAll'].includes(node.expression.name.text)) return true;
    return false;
  }
  if (ts.isIdentifier(node)) {
    const init = locals.get(node.text);
    if (!init || seen.has(node.text)) return false;
    seen.add(node.text);
    return isStringBuilt(init, locals, seen);
  }
  return false;
}

/** Every call in `source` that sends a string-built statement to Neo4j. */
export function findStringBuiltCypher(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const locals = new Map<string, ts.Expression>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) locals.set(node.name.text, node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isIdentifier(node.left)) {
      // `cypher += '…'` turns a variable into a built string.
      locals.set(node.left.text, node);
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression.getText();
      const first = node.arguments[0];
      if (CYPHER_METHODS.has(method) && CYPHER_RECEIVER.test(receiver) && first && isStringBuilt(first, locals)) {
        findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().slice(0, 160) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : tsFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

describe('Cypher takes parameters only', () => {
  it('the scanner catches string-built statements (so the real scan can fail)', () => {
    const bad = `
      async function a(db, tx, label, name) {
        await db.read(\`MATCH (n:\${label}) RETURN n\`, {});
        await tx.run('MATCH (n {name: "' + name + '"}) RETURN n');
        const q = \`MATCH (n) WHERE n.name = '\${name}' RETURN n\`;
        await this.db.write(q, {});
        let c = 'MATCH (n) ';
        c += 'WHERE n.x = ' + name;
        await session.run(c);
        await db.read(['MATCH', label].join(' '), {});
      }`;
    expect(findStringBuiltCypher('bad.ts', bad).map((f) => f.line)).toEqual([3, 4, 6, 9, 10]);
    const good = `
      async function b(db, tx, q, WHITELIST, label) {
        await db.read(q['entity/page'], { label });
        await tx.run(this.q['analytics/expand'], {});
        const cypher = spliceIdentifiers(q['entity/page'], WHITELIST, { label });
        await this.db.read(cypher, {});
        await db.write('CALL db.awaitIndexes(300)', {});
        await db.read(\`MATCH (n) RETURN n\`, {});
      }`;
    expect(findStringBuiltCypher('good.ts', good)).toEqual([]);
  });

  it('no file under src/ sends a string-built statement to Neo4j', () => {
    const findings = tsFiles(path.join(ROOT, 'src')).flatMap((file) => findStringBuiltCypher(path.relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(findings, 'statements must come from cypher/ (spliceIdentifiers for whitelisted identifiers)').toEqual([]);
  });
});

// ─── loopback ───

describe('the local Neo4j launcher', () => {
  it('the local Neo4j launcher binds loopback only and refuses any other host', () => {
    const launcher = readFileSync(path.join(ROOT, 'neo4j-local/src/main/java/local/neo4j/Launcher.java'), 'utf8');
    expect(launcher).toMatch(/refusing to listen on/);
    expect(launcher).toMatch(/!host\.equals\("127\.0\.0\.1"\) && !host\.equals\("localhost"\) && !host\.equals\("::1"\)/);
    expect(launcher).not.toMatch(/HttpConnector|HttpsConnector/);
    const starter = readFileSync(path.join(ROOT, 'src/local-neo4j/local-neo4j.ts'), 'utf8');
    expect(starter).toMatch(/String\(options\.port\),\s*'127\.0\.0\.1',?\s*\]/);
  });
});

/**
 * The one assembly of an agreement, as a Cypher fragment: a multilateral agreement is one `agreementKey` shared by
 * one AGREEMENT relationship per party, and an agreement record (cypher/agreement/record.cypher) is built from its
 * first relationship `r0` (by the far party's name) and its parties' keys, the Japanese side first. The statements of
 * cypher/agreement/ have it spliced into their `{{assemble…}}` slots (AgreementRepository) and the compiler builds
 * its agreements with it (src/compiler/project.ts agreementClauses): no other code groups AGREEMENT relationships
 * into an agreement (tests/domain/navigation-rules.unit.test.ts). Like the vocabulary, imports nothing.
 */

/** What the assembly binds besides `key` and `r0`: nothing, the parties' keys, or their nodes and keys. */
export type AgreementEnds = 'first' | 'keys' | 'nodes';

/** The names of the assembly's own variables (the compiler passes fresh ones; a statement of cypher/ the defaults). */
export interface AssemblyNames {
  readonly rels: string;
  readonly x: string;
  readonly ks: string;
  readonly p: string;
}

const DEFAULT_NAMES: AssemblyNames = { rels: 'rels', x: 'x', ks: 'ks', p: 'p' };

/** The agreement's relationships, `r` from party `a` to party `b`, ordered by the far party's name (`key` bound). */
const EDGES = 'MATCH (a)-[r:AGREEMENT]->(b) WHERE r.agreementKey = key WITH r, a, b ORDER BY b.name';

/**
 * Clauses that, with `key` bound to an agreementKey, keep the row only when that agreement exists and bind `key`,
 * `r0` (its first relationship: the record's properties) and, for `keys`, `fromKeys` (the Japanese side, once) and
 * `toKeys` (the far parties, by name); for `nodes`, also `fromNodes` and `toNodes` (the same parties' nodes). Every
 * other variable is dropped. AGREEMENT relationships join keyed entities only (the loaders write them so): the ends'
 * labels are not checked. Written without aggregate functions (lists come from COLLECT {}): Neo4j 5.26 refuses an
 * aggregation inside an expression subquery of a projection, where the compiler uses it.
 */
export function agreementAssembly(ends: AgreementEnds, names: AssemblyNames = DEFAULT_NAMES): string {
  if (ends === 'first') return `WITH key, head(COLLECT { ${EDGES} RETURN r }) AS r0 WHERE r0 IS NOT NULL`;
  const { rels, x, ks, p } = names;
  const nodes = ends === 'nodes';
  const collected = `WITH key, COLLECT { ${EDGES} RETURN {r: r, a: ${nodes ? 'a' : 'a.key'}, b: ${nodes ? 'b' : 'b.key'}} } AS ${rels} WHERE size(${rels}) > 0`;
  const suffix = nodes ? 'Nodes' : 'Keys';
  const grouped = `WITH key, ${rels}[0].r AS r0, reduce(${ks} = [], ${x} IN ${rels} | CASE WHEN ${x}.a IN ${ks} THEN ${ks} ELSE ${ks} + ${x}.a END) AS from${suffix}, [${x} IN ${rels} | ${x}.b] AS to${suffix}`;
  if (!nodes) return `${collected} ${grouped}`;
  return `${collected} ${grouped} WITH key, r0, fromNodes, toNodes, [${p} IN fromNodes | ${p}.key] AS fromKeys, [${p} IN toNodes | ${p}.key] AS toKeys`;
}

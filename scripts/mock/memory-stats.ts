/**
 * The graph statistics of the seed in memory, so the mock's cost estimate bounds every list as the API's does on
 * the same data (a query the API answers is not refused by the mock, and the other way round). The counting and
 * the rolling up are the API's own (`countGraphStats`, src/neo4j/graph-stats.ts); only the rows each statement of
 * cypher/stats/ returns are produced here from the in-memory graph, as MemoryGraph does for the repositories.
 * tests/client/mock-coherence.test.ts requires the result to equal what the loader stored for the test graph.
 */
import { NODE_LABELS } from '../../src/domain/vocabulary.js';
import type { Row } from '../../src/neo4j/database.js';
import { countGraphStats, GRAPH_STATS_STATEMENTS, type GraphStats, type GraphStatsStatements } from '../../src/neo4j/graph-stats.js';
import type { EntityRecord } from '../../src/repositories/records.js';
import type { MemoryGraph, StoredRelationship } from './memory-graph.js';

const primary = (n: EntityRecord | undefined): string => n?.labels.find((l) => (NODE_LABELS as readonly string[]).includes(l)) ?? '?';
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Counts rows by a key made of their values (Cypher's implicit grouping with count(*)). */
function grouped(keys: readonly Row[], count: string): Row[] {
  const out = new Map<string, Row>();
  for (const k of keys) {
    const id = JSON.stringify(k);
    const row = out.get(id) ?? { ...k, [count]: 0 };
    row[count] = (row[count] as number) + 1;
    out.set(id, row);
  }
  return [...out.values()];
}

/** What each statement of cypher/stats/ returns, read from the in-memory graph. */
function rowsOf(graph: MemoryGraph): Record<string, () => Row[]> {
  const rels = graph.relationships.filter((r) => graph.nodes.has(r.from) && graph.nodes.has(r.to));
  const touching = (key: string) => rels.filter((r) => r.from === key || r.to === key);
  return {
    // stats/degrees: per node, its neighbours by (type, direction, neighbour label, role) with the roll-ups.
    'stats/degrees': () =>
      grouped(
        [...graph.nodes.values()].flatMap((n) => {
          const degrees = new Map<string, number>();
          for (const r of touching(n.key)) {
            const direction = r.from === n.key ? 'out' : 'in';
            const neighbour = primary(graph.nodes.get(direction === 'out' ? r.to : r.from));
            const role = str(r.rel['role']);
            const keys =
              role === null
                ? [[r.rel.type, direction, neighbour, '*'], [r.rel.type, direction, '*', '*'], ['*', '*', '*', '*']]
                : [[r.rel.type, direction, neighbour, role], [r.rel.type, direction, neighbour, '*'], [r.rel.type, direction, '*', role], [r.rel.type, direction, '*', '*'], ['*', '*', '*', '*']];
            for (const k of keys) degrees.set(k.join('\u0000'), (degrees.get(k.join('\u0000')) ?? 0) + 1);
          }
          return [...degrees].map(([k, degree]) => {
            const [type, direction, neighbour, role] = k.split('\u0000');
            return { label: primary(n), type, direction, neighbour, role, degree };
          });
        }),
        'nodes',
      ),
    'stats/labels': () => {
      const out = new Map<string, Row>();
      for (const n of graph.nodes.values()) {
        const label = primary(n);
        const kind = str(n['kind']);
        const row = out.get(`${label}\u0000${kind}`) ?? { label, kind, nodes: 0, aliases: 0, dates: 0 };
        row['nodes'] = (row['nodes'] as number) + 1;
        row['aliases'] = Math.max(row['aliases'] as number, (n.aliases ?? []).length);
        row['dates'] = (row['dates'] as number) + ['established', 'firstConvened', 'adopted', 'introduced'].filter((p) => n[p] !== null && n[p] !== undefined).length;
        out.set(`${label}\u0000${kind}`, row);
      }
      return [...out.values()];
    },
    'stats/agreements': () => {
      const byKey = new Map<string, StoredRelationship[]>();
      for (const r of rels.filter((x) => x.rel.type === 'AGREEMENT')) byKey.set(String(r.rel['agreementKey']), [...(byKey.get(String(r.rel['agreementKey'])) ?? []), r]);
      return grouped(
        [...byKey.values()].map((group) => ({
          kind: str(group[0]!.rel['kind']),
          year: str(group[0]!.rel['enacted'])?.slice(0, 4) ?? null,
          parties: new Set(group.map((r) => r.from)).size + group.length,
          revisions: Math.max(...group.map((r) => ((r.rel['revisions'] as unknown[] | undefined) ?? []).length)),
        })),
        'agreements',
      );
    },
    'stats/party-agreements': () =>
      grouped(
        [...graph.nodes.values()].flatMap((n) => {
          const agreements = new Map<string, string>();
          for (const r of touching(n.key).filter((x) => x.rel.type === 'AGREEMENT')) agreements.set(String(r.rel['agreementKey']), String(r.rel['kind']));
          if (agreements.size === 0) return [];
          const perKind = new Map<string, number>();
          for (const kind of agreements.values()) perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
          const rows: [string, number][] = [...perKind, ['*', agreements.size], ['kinds', perKind.size]];
          return rows.map(([kind, count]) => ({ label: primary(n), kind, agreements: count }));
        }),
        'parties',
      ),
    'stats/supersedes': () => rels.filter((r) => r.rel.type === 'SUPERSEDES').map((r) => ({ newer: r.from, older: r.to })),
  };
}

/** The statistics of the in-memory graph, as the loader would store them for the same dataset. */
export async function memoryGraphStats(graph: MemoryGraph): Promise<GraphStats> {
  const rows = rowsOf(graph);
  // Each "statement" is its own name: the rows come from `rowsOf`.
  const names = Object.fromEntries(GRAPH_STATS_STATEMENTS.map((s) => [s, s])) as GraphStatsStatements;
  const stats = await countGraphStats(async (name) => {
    const produce = rows[name];
    if (!produce) throw new Error(`the mock has no rows for ${name}`);
    return produce();
  }, names);
  return { ...stats, versions: `${graph.dataset.id}@mock;` };
}

/**
 * The API's repositories over the seed in memory (MemoryGraph), for the mock server: entities, agreements,
 * search (every word of the text a prefix of a word of the name or an alias, or one typo away: a stand-in for
 * the API's full-text index, not its ranking), and the analyst reads the saved operations and the explorer use
 * (paths, neighbourhoods, lineage, the state as of a date, agreement statistics, graph counts). The analyst reads
 * that need the database itself (timeline, common members, common ground, partners by kinds, analyst Cypher)
 * answer MOCK_UNSUPPORTED, saying to ask the API.
 */
import { GraphQLError } from 'graphql';
import { existsOn, NODE_LABELS } from '../../src/domain/vocabulary.js';
import type { GraphRelationshipRecord, PathRecord } from '../../src/repositories/analytics-repository.js';
import type { Repositories } from '../../src/repositories/index.js';
import { wordsOf } from '../../src/repositories/search-repository.js';
import type { EntityRecord } from '../../src/repositories/records.js';
import { compare, MemoryGraph, type StoredRelationship } from './memory-graph.js';

/** The code of what the mock cannot answer without the database (the mock server passes it through unmasked). */
export const MOCK_UNSUPPORTED = 'MOCK_UNSUPPORTED';

function unsupported(what: string): never {
  throw new GraphQLError(`${what} is not served by the mock server (npm run mock): it needs the database; ask the API (npm start).`, {
    extensions: { code: MOCK_UNSUPPORTED },
  });
}

/** One typo at most (Lucene's `~1`): a substitution, an insertion or a deletion. */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

function searchScore(n: EntityRecord, words: string[]): number {
  const own = wordsOf([n.name, ...(n.aliases ?? [])].join(' '));
  let score = 0;
  for (const w of words) {
    if (own.includes(w)) score += 3;
    else if (own.some((o) => o.startsWith(w))) score += 2;
    else if (w.length >= 4 && own.some((o) => nearlyEqual(o, w))) score += 1;
    else return 0;
  }
  return score;
}

export function memoryRepositories(graph: MemoryGraph): Repositories {
  const rel = (r: StoredRelationship): GraphRelationshipRecord => ({ ...r.rel, startKey: r.from, endKey: r.to });
  const walkable = (types: string[] | null) => (r: StoredRelationship) =>
    (types === null || types.includes(r.rel.type)) && !graph.has(graph.node(r.from)!, 'Observation') && !graph.has(graph.node(r.to)!, 'Observation');
  const links = (m: string, type: string) => graph.relationships.filter((r) => r.rel.type === type && r.from === m);

  /** Every shortest path (breadth first, both directions), deterministic by relationship key. */
  function shortestPaths(q: { from: string; to: string; types: string[] | null; maxHops: number; all: boolean; limit: number }): PathRecord[] {
    const a = graph.node(q.from);
    const b = graph.node(q.to);
    if (!a || !b || graph.has(a, 'Observation') || graph.has(b, 'Observation')) return [];
    const usable = graph.relationships.filter(walkable(q.types)).sort((x, y) => compare(x.rel.key, y.rel.key));
    let paths: { keys: string[]; rels: StoredRelationship[] }[] = [{ keys: [q.from], rels: [] }];
    for (let hop = 1; hop <= q.maxHops && paths.length > 0; hop += 1) {
      const next = paths.flatMap((p) =>
        usable
          .filter((r) => r.from === p.keys.at(-1) || r.to === p.keys.at(-1))
          .map((r) => ({ r, other: r.from === p.keys.at(-1) ? r.to : r.from }))
          .filter(({ other }) => !p.keys.includes(other))
          .map(({ r, other }) => ({ keys: [...p.keys, other], rels: [...p.rels, r] })),
      );
      const arrived = next.filter((p) => p.keys.at(-1) === q.to);
      if (arrived.length > 0) return arrived.slice(0, q.all ? q.limit : 1).map((p) => ({ nodes: p.keys.map((k) => graph.node(k)!), rels: p.rels.map(rel) }));
      paths = next;
    }
    return [];
  }

  const analytics = {
    shortestPaths: async (q: Parameters<typeof shortestPaths>[0]) => shortestPaths(q),
    // analytics/expand after entity/by-keys: the centre (null, nothing expanded, when there is none).
    async expand(key: string, types: string[] | null, rowLimit: number, visit: (ring: { fromKey: string; node: EntityRecord; rel: GraphRelationshipRecord }[], depth: number) => string[]) {
      const centre = graph.node(key) ?? null;
      if (centre === null || graph.has(centre, 'Observation')) return centre;
      let frontier = [key];
      for (let depth = 1; frontier.length > 0; depth += 1) {
        const ring = frontier
          .flatMap((k) =>
            graph.relationships
              .filter((r) => (r.from === k || r.to === k) && (types === null || types.includes(r.rel.type)))
              .map((r) => ({ fromKey: k, node: graph.node(r.from === k ? r.to : r.from)!, rel: rel(r) })),
          )
          .filter((x) => !graph.has(x.node, 'Observation'))
          .sort((x, y) => compare(x.fromKey, y.fromKey) || compare(x.node.key, y.node.key) || compare(x.rel.key, y.rel.key))
          .slice(0, rowLimit);
        frontier = visit(ring, depth);
      }
      return centre;
    },
    async lineage(id: string) {
      const start = graph.node(id);
      if (!start || !(graph.has(start, 'Plan') || graph.has(start, 'Meeting'))) return [];
      const chain = new Set([id]);
      for (let grown = true; grown; ) {
        grown = false;
        for (const r of graph.relationships.filter((x) => x.rel.type === 'SUPERSEDES' && (chain.has(x.from) || chain.has(x.to)))) {
          for (const k of [r.from, r.to]) {
            if (chain.has(k)) continue;
            chain.add(k);
            grown = true;
          }
        }
      }
      return [...chain].sort(compare).map((k) => {
        const s = links(k, 'SUPERSEDES')[0];
        return { node: graph.node(k)!, supersedes: s ? rel(s) : null };
      });
    },
    async state(days: readonly [string, string]) {
      const link = (r: StoredRelationship) => ({ rel: r.rel, fromKey: r.from, toKey: r.to });
      // The statements' rules (src/domain/navigation.ts existsCondition, inForceCondition), over the memory graph.
      const earliest = (d: unknown) => (typeof d === 'string' ? d + '-01-01'.slice(d.length - 4) : null);
      const held = (r: StoredRelationship) => {
        const [from, until] = [earliest(r.rel['from']), earliest(r.rel['until'])];
        return (from === null || from <= days[1]) && (until === null || until > days[0]);
      };
      const meetings = [...graph.nodes.values()]
        .filter((n) => graph.has(n, 'Meeting') && existsOn(n, days[0], days[1]))
        .sort((x, y) => compare(x.name, y.name))
        .map((m) => ({
          node: m,
          administrations: links(m.key, 'ADMINISTERED_BY').filter(held).map(link),
          parents: links(m.key, 'PART_OF').filter((r) => graph.has(graph.node(r.to)!, 'Meeting') && held(r)).map(link),
        }));
      const hostings = graph.relationships
        .filter((r) => r.rel.type === 'HOSTED' && held(r))
        .sort((x, y) => compare(x.to, y.to) || compare(x.rel['from'] ?? '', y.rel['from'] ?? '') || compare(x.from, y.from))
        .map(link);
      const linked = [...meetings.flatMap((m) => [...m.administrations, ...m.parents].map((l) => l.toKey)), ...hostings.flatMap((h) => [h.fromKey, h.toKey])];
      return { meetings, hostings, linked: linked.map((k) => graph.node(k)!) };
    },
    allAgreements: async (_ctx: unknown, days: readonly [string, string] | null = null) => [...graph.agreements.values()].filter((a) => days === null || existsOn(a, days[0], days[1])),
    agreementFacts: async () =>
      graph.relationships
        .filter((r) => r.rel.type === 'AGREEMENT')
        .sort((x, y) => compare(x.rel['agreementKey'], y.rel['agreementKey']) || compare(x.to, y.to))
        .map((r) => ({ agreementKey: String(r.rel['agreementKey']), kind: String(r.rel['kind']), enacted: (r.rel['enacted'] as string | undefined) ?? null, partner: graph.node(r.to)! })),
    async graphCounts() {
      const count = (names: string[]) => [...new Set(names)].sort(compare).map((name) => ({ name, count: names.filter((x) => x === name).length }));
      const nodes = [...graph.nodes.values()];
      const labels = nodes.map((n) => n.labels.find((l) => (NODE_LABELS as readonly string[]).includes(l))!);
      return { nodes: nodes.length, relationships: graph.relationships.length, labels: count(labels), relationshipTypes: count(graph.relationships.map((r) => r.rel.type)) };
    },
    commonMembers: async () => unsupported('commonMembers'),
    partnersWithMultipleKinds: async () => unsupported('partnersWithMultipleAgreementKinds'),
    commonGround: async () => unsupported('commonGround'),
    timeline: async () => unsupported('timeline'),
    runReadOnly: async () => unsupported('cypher'),
  };

  const search = {
    async search(text: string, labels: string[] | null, limit: number) {
      const words = wordsOf(text);
      if (words.length === 0) return [];
      return [...graph.nodes.values()]
        .filter((n) => !graph.has(n, 'Observation') && (labels === null || labels.some((l) => graph.has(n, l))))
        .map((node) => ({ node, score: searchScore(node, words) }))
        .filter((h) => h.score > 0)
        .sort((x, y) => y.score - x.score || compare(x.node.name, y.node.name))
        .slice(0, limit);
    },
  };

  const repos = {
    entities: { byKeys: graph.byKeys.bind(graph), related: graph.related.bind(graph), page: graph.page.bind(graph), count: graph.count.bind(graph) },
    agreements: { page: graph.agreementPage, count: graph.agreementCount, byKeys: graph.agreementsByKeys, ofParties: graph.ofParties },
    search,
    analytics,
    datasets: { versions: async () => [] },
    graph: {},
  };
  // The services read these methods only; the classes' private fields (the driver, the statements) do not apply.
  return repos as unknown as Repositories;
}

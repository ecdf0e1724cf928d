/**
 * Graph-file exports (`.graphml`, `.gexf`) of a neighbourhood, a path set or the whole dataset (`/export/graph`).
 * The neighbourhood and path files hold exactly what the API answers for the same parameters; node properties are
 * read by key, as the API's own node loader reads them.
 */
import type { QueryContext } from '../neo4j/database.js';
import type { Repositories } from '../repositories/index.js';
import type { RelationshipRecord } from '../repositories/records.js';
import type { Row } from './columns.js';
import type { GraphFile } from './graph-files.js';
import { bad, checkKnown, int, type Accepted, type Params } from './params.js';

export const GRAPH_FORMATS = ['graphml', 'gexf'] as const;
export const GRAPH_EXPORTS = ['graph', 'neighbourhood', 'path'] as const;
const DEFAULT_NODES = 5_000;
const MAX_NODES = 20_000;

export const WHOLE_GRAPH_ACCEPTED: Accepted = {
  limit: `the most nodes, 1 to ${MAX_NODES} (default ${DEFAULT_NODES}), in key order; relationships between them all come along`,
};

/** A GraphRelationship of the API (with provenance) as the stored record the file writers take. */
function relationshipOf(r: Row): { rel: RelationshipRecord; startKey: string; endKey: string } {
  const p = (r['provenance'] ?? {}) as Row;
  const rel: RelationshipRecord = {
    ...((r['properties'] as Row | null) ?? {}),
    key: String(r['id']),
    type: String(r['type']),
    dataset: String(p['dataset'] ?? ''),
    sourceSection: String(p['section'] ?? ''),
    sourceQuote: (p['quote'] as string | null) ?? null,
    inferred: p['inferred'] === true,
    reading: (p['reading'] as string | null) ?? null,
  };
  return { rel, startKey: String(r['startId']), endKey: String(r['endId']) };
}

/** The nodes and relationships of a neighbourhood or path result (the JSON the API returned). */
export async function graphOfResult(name: 'neighbourhood' | 'path', result: Row, repos: Repositories, ctx: QueryContext): Promise<GraphFile> {
  const ids: string[] = [];
  const rels = new Map<string, Row>();
  if (name === 'neighbourhood') {
    for (const n of (result['nodes'] as Row[]) ?? []) ids.push(String((n['node'] as Row)['id']));
    for (const r of (result['relationships'] as Row[]) ?? []) rels.set(String(r['id']), r);
  } else {
    for (const p of (result['paths'] as Row[]) ?? []) {
      for (const n of p['nodes'] as Row[]) ids.push(String(n['id']));
      for (const r of p['relationships'] as Row[]) rels.set(String(r['id']), r);
    }
  }
  const keys = [...new Set(ids)];
  const records = new Map((await repos.entities.byKeys(keys, ctx)).map((n) => [n.key, n]));
  const title = name === 'neighbourhood' ? `Neighbourhood of ${String((result['centre'] as Row)['id'])}` : `Shortest paths from ${String((result['from'] as Row)['id'])} to ${String((result['to'] as Row)['id'])}`;
  return { title, nodes: keys.map((k) => records.get(k)).filter((n) => n !== undefined), edges: [...rels.values()].map(relationshipOf) };
}

/** The whole dataset, up to `limit` nodes; `truncated` says when there were more. */
export async function wholeGraph(params: Params, repos: Repositories, ctx: QueryContext): Promise<GraphFile & { truncated: boolean }> {
  checkKnown(params, WHOLE_GRAPH_ACCEPTED);
  const limit = int(params, 'limit', WHOLE_GRAPH_ACCEPTED) ?? DEFAULT_NODES;
  if (limit < 1 || limit > MAX_NODES) throw bad(`limit: 1 to ${MAX_NODES} nodes (got ${limit}).`, WHOLE_GRAPH_ACCEPTED);
  const nodes = await repos.graph.nodes(limit + 1, ctx);
  const truncated = nodes.length > limit;
  const kept = nodes.slice(0, limit);
  const edges = await repos.graph.relationshipsAmong(kept.map((n) => n.key), ctx);
  return { title: truncated ? `The first ${limit} nodes of the graph` : 'The whole graph', nodes: kept, edges, truncated };
}

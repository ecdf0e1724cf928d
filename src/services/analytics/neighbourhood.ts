/**
 * The neighbourhood's rules over its rings (each ring as `analytics/expand` reads it: the relationships
 * that touch the frontier, with the entity at the other end, at most `ringRows + 1` rows): a node keeps
 * the distance of the first ring that reaches it, the centre counts towards the limit, a ring over
 * `ringRows` rows or a node over the limit marks the answer `truncated` and ends the expansion. The
 * service feeds it ring by ring (src/services/analytics-service.ts); the compiled statement reads every
 * ring at once and feeds them in order (src/compiler/analyst-roots.ts).
 */
import type { ExpansionRow, GraphRelationshipRecord } from '../../repositories/analytics-repository.js';
import type { EntityRecord } from '../../repositories/records.js';
import { NEIGHBOURHOOD_BOUNDS, type NeighbourhoodView, type RelationshipView } from './views.js';

export function relKey(rel: GraphRelationshipRecord): string {
  return rel.key ?? `${rel.type}:${rel.startKey}:${rel.endKey}`;
}

export class NeighbourhoodFold {
  private readonly distance: Map<string, number>;
  private readonly nodes: { node: EntityRecord; distance: number }[] = [];
  private readonly rels = new Map<string, GraphRelationshipRecord>();
  private truncated = false;

  constructor(
    key: string,
    private readonly depth: number,
    private readonly limit: number,
  ) {
    this.distance = new Map([[key, 0]]);
  }

  /** Takes ring `ringDepth`; returns the next frontier (empty: the expansion ends here). */
  ring(ring: readonly ExpansionRow[], ringDepth: number): string[] {
    if (ring.length > NEIGHBOURHOOD_BOUNDS.ringRows) this.truncated = true;
    const next: string[] = [];
    for (const row of ring.slice(0, NEIGHBOURHOOD_BOUNDS.ringRows)) {
      if (!this.distance.has(row.node.key)) {
        // The centre (added once it is known) counts towards the limit.
        if (this.nodes.length + 1 >= this.limit) {
          this.truncated = true;
          continue;
        }
        this.distance.set(row.node.key, ringDepth);
        this.nodes.push({ node: row.node, distance: ringDepth });
        next.push(row.node.key);
      }
      this.rels.set(relKey(row.rel), row.rel);
    }
    return ringDepth < this.depth && !this.truncated ? next : [];
  }

  /** The answer: the centre first, then ring by ring; the relationships by key, directed away from the centre. */
  result(centre: EntityRecord): NeighbourhoodView {
    const distance = (key: string) => this.distance.get(key) ?? 0;
    const relationships = [...this.rels.values()]
      .map((rel) => ({ rel, direction: distance(rel.startKey) <= distance(rel.endKey) ? 'FORWARD' : 'BACKWARD' }) as RelationshipView)
      .sort((x, y) => relKey(x.rel).localeCompare(relKey(y.rel)));
    return { centre, depth: this.depth, nodes: [{ node: centre, distance: 0 }, ...this.nodes], relationships, truncated: this.truncated };
  }
}

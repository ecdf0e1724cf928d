/**
 * The seed dataset in memory, as the loader stores it in Neo4j (src/seed/rows.ts: the same properties, labels,
 * provenance; missing values left out), with the API's entity, agreement and search repositories over it. The
 * mock server (scripts/mock-server.ts) puts the API's own services and resolvers on top, so its answers have the
 * API's shapes, arguments checks and errors, and its values are the seed's.
 *
 * Each method does what the repository's Cypher does (cypher/entity/, cypher/agreement/): the same filters, sort
 * orders (Neo4j compares strings by code point, as `<` does here) and keyset cursors.
 */
import { existsOn, OPENING_DATE_PROPERTIES } from '../../src/domain/vocabulary.js';
import { partyRequestId, type AgreementFilter, type AgreementPageQuery, type PartyAgreementsRequest } from '../../src/repositories/agreement-repository.js';
import { neighbourRequestId, type EntityFilter, type EntityLabel, type EntityPageQuery, type NeighbourRequest, type RelatedRow } from '../../src/repositories/entity-repository.js';
import type { AgreementRecord, EntityRecord, Keyset, RelationshipRecord } from '../../src/repositories/records.js';
import type { Dataset } from '../../src/seed/format.js';
import { nodeRow, relationshipRow } from '../../src/seed/rows.js';

/** A stored relationship with its ends. */
export interface StoredRelationship {
  rel: RelationshipRecord;
  from: string;
  to: string;
}

const present = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
export const compare = (a: unknown, b: unknown): number => (a === b ? 0 : (a as string) < (b as string) ? -1 : 1);

/** `d + substring('-12-31', size(d) - 4)`: the last (or, with '-01-01', the first) day a partial date may be. */
const pad = (d: string, tail: '-12-31' | '-01-01') => d + tail.slice(d.length - 4);

/** The sort value of an undated row: after every dated one in the order asked for, whichever way the page reads. */
const undatedValue = (query: { descending: boolean; askedDescending?: boolean }) => ((query.askedDescending ?? query.descending) ? '' : '~');

/** A keyset page over rows sorted by (sortValue, key), as cypher/entity/page.cypher reads it. */
function keysetPage<T>(rows: { item: T; sortValue: string | number | null; key: string }[], descending: boolean, after: Keyset | null, limit: number) {
  const dir = descending ? -1 : 1;
  const sorted = [...rows].sort((x, y) => dir * (compare(x.sortValue, y.sortValue) || compare(x.key, y.key)));
  const started = after === null ? sorted : sorted.filter((r) => dir * (compare(r.sortValue, after.value) || compare(r.key, after.key)) > 0);
  return started.slice(0, limit);
}

export class MemoryGraph {
  readonly nodes = new Map<string, EntityRecord>();
  readonly relationships: StoredRelationship[] = [];
  readonly agreements = new Map<string, AgreementRecord>();

  constructor(readonly dataset: Dataset) {
    for (const n of dataset.nodes) {
      const row = nodeRow(dataset.id, n, dataset.source.asOf ?? null);
      this.nodes.set(n.key, { ...present(row.props), labels: ['Entity', ...row.labels] } as EntityRecord);
    }
    for (const r of dataset.relationships) {
      const row = relationshipRow(dataset.id, r, dataset.source.asOf ?? null);
      this.relationships.push({ rel: { ...present(row.props), type: r.type } as RelationshipRecord, from: r.from, to: r.to });
    }
    this.groupAgreements();
  }

  /** cypher/agreement/all.cypher: AGREEMENT relationships grouped by agreementKey, the partners in name order. */
  private groupAgreements(): void {
    const groups = new Map<string, StoredRelationship[]>();
    for (const r of this.relationships.filter((x) => x.rel.type === 'AGREEMENT')) {
      const key = String(r.rel['agreementKey']);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const [key, rels] of [...groups.entries()].sort(([a], [b]) => compare(a, b))) {
      const sorted = [...rels].sort((a, b) => compare(this.nodes.get(a.to)?.name, this.nodes.get(b.to)?.name));
      const r0 = sorted[0]!.rel;
      const str = (k: string) => (typeof r0[k] === 'string' ? (r0[k] as string) : null);
      this.agreements.set(key, {
        key, kind: String(r0['kind']), name: String(r0['name']), enacted: str('enacted'), revisions: (r0['revisions'] as string[] | undefined) ?? [],
        status: str('status'), note: str('note'), partyKeys: [...new Set(sorted.map((r) => r.from)), ...sorted.map((r) => r.to)],
        dataset: r0.dataset, sourceSection: r0.sourceSection, sourceQuote: r0.sourceQuote ?? null, inferred: (r0['inferred'] as boolean | undefined) ?? null,
        reading: str('reading'), existsFrom: str('existsFrom'), existsUntil: str('existsUntil'),
      });
    }
  }

  node(key: string): EntityRecord | undefined {
    return this.nodes.get(key);
  }

  has(n: EntityRecord, label: string): boolean {
    return n.labels.includes(label);
  }

  // ---- EntityRepository ----

  async byKeys(keys: readonly string[]): Promise<EntityRecord[]> {
    return keys.map((k) => this.nodes.get(k)).filter((n): n is EntityRecord => n !== undefined);
  }

  /** cypher/entity/related.cypher, with the rules of src/domain/navigation.ts (labels, role, in force as of, field order). */
  async related(requests: readonly NeighbourRequest[]): Promise<RelatedRow[]> {
    const rows: RelatedRow[] = [];
    const earliest = (d: unknown): string | null => (typeof d === 'string' ? pad(d, '-01-01') : null);
    const fieldOrder = (request: NeighbourRequest, x: { rel: RelationshipRecord; node: EntityRecord }): unknown[] => {
      if (request.order === 'undatedFirst') return [x.rel['on'] != null, x.rel['on'] ?? ''];
      if (request.order === 'ordinal') return [Number(x.rel['ordinal'] ?? x.node['ordinal'] ?? 0)];
      if (request.order === 'byYear') return [Number(x.node['year'] ?? 0)];
      return [];
    };
    for (const request of requests) {
      const id = neighbourRequestId(request);
      const found = this.relationships
        .filter((r) => r.rel.type === request.type && (request.direction === 'out' ? r.from : r.to) === request.key)
        .map((r) => ({ rel: r.rel, node: this.nodes.get(request.direction === 'out' ? r.to : r.from)! }))
        .filter((x) => x.node !== undefined)
        .filter((x) => !request.labels || x.node.labels.some((l) => request.labels!.includes(l)));
      // `indexed`: src/domain/navigation.ts, baseYearOf and computedIndexOf.
      // The stored base year, which the seed format requires of every indicator (no default).
      const baseYear = this.nodes.get(request.key)?.['baseYear'];
      const base = found.find((x) => x.node['year'] === baseYear)?.node['value'];
      const indexed = found
        .map((x) => {
          if (!request.indexed) return x;
          const value = x.node['value'];
          const computedIndex = typeof base === 'number' && base !== 0 && typeof value === 'number' ? Math.round((value / base) * 1000) / 10 : null;
          return { ...x, node: { ...x.node, computedIndex } };
        })
        .filter((x) => !request.role || x.rel['role'] === request.role)
        .filter((x) => !request.years || request.years.includes(Number(x.node['year'])))
        .filter((x) => {
          if (!request.asOf) return true;
          const [from, until] = [earliest(x.rel['from']), earliest(x.rel['until'])];
          return (from === null || from <= request.asOf[1]) && (until === null || until > request.asOf[0]);
        })
        .sort((a, b) => {
          const [x, y] = [fieldOrder(request, a), fieldOrder(request, b)];
          for (let i = 0; i < x.length; i++) {
            const c = compare(x[i], y[i]);
            if (c !== 0) return c;
          }
          return (
            compare(Number(a.rel['ordinal'] ?? 0), Number(b.rel['ordinal'] ?? 0)) ||
            compare(a.rel['on'] ?? a.rel['from'] ?? a.rel['enacted'] ?? '', b.rel['on'] ?? b.rel['from'] ?? b.rel['enacted'] ?? '') ||
            compare(a.node.name, b.node.name)
          );
        });
      for (const f of indexed) rows.push({ id, key: request.key, node: f.node, rel: f.rel });
    }
    return rows;
  }

  private date(n: EntityRecord): string | null {
    for (const p of OPENING_DATE_PROPERTIES) if (typeof n[p] === 'string') return n[p] as string;
    return null;
  }

  /** cypher/entity/filter.cypher. */
  private passes(n: EntityRecord, f: EntityFilter): boolean {
    const d = this.date(n);
    const str = (k: string) => (typeof n[k] === 'string' ? (n[k] as string) : null);
    const linked = (type: string, key: string, direction: 'out' | 'in') =>
      this.relationships.some((r) => r.rel.type === type && (direction === 'out' ? r.from === n.key && r.to === key : r.to === n.key && r.from === key));
    return (
      (!f.kinds || f.kinds.includes(str('kind') ?? '')) &&
      (!f.text || n.name.toLowerCase().includes(f.text) || (n.aliases ?? []).some((a) => a.toLowerCase().includes(f.text!))) &&
      (!f.withLabel || this.has(n, f.withLabel)) &&
      (!f.withoutLabel || !this.has(n, f.withoutLabel)) &&
      (!f.dateFrom || (d !== null && pad(d, '-12-31') >= f.dateFrom)) &&
      (!f.dateTo || (d !== null && pad(d, '-01-01') <= f.dateTo)) &&
      // The one "exists as of" rule: the life the loader stored (existsOn, as cypher/entity/filter.cypher reads it).
      (!f.asOf || existsOn(n, f.asOf, f.asOfLatest!)) &&
      (!f.outType || linked(f.outType, f.outKey!, 'out')) &&
      (!f.inType || linked(f.inType, f.inKey!, 'in')) &&
      (!f.agreementKinds || this.relationships.some((r) => r.rel.type === 'AGREEMENT' && (r.from === n.key || r.to === n.key) && f.agreementKinds!.includes(String(r.rel['kind']))))
    );
  }

  private filtered(label: EntityLabel, filter: EntityFilter): EntityRecord[] {
    return [...this.nodes.values()].filter((n) => this.has(n, label) && this.passes(n, filter));
  }

  async page(query: EntityPageQuery): Promise<{ node: EntityRecord; sortValue: string | number | null }[]> {
    const rows = this.filtered(query.label, query.filter).map((n) => {
      const d = this.date(n);
      const sortValue = query.sort === 'NAME' ? n.name : query.sort === 'KEY' ? n.key : (d ?? undatedValue(query));
      return { item: n, sortValue, key: n.key };
    });
    return keysetPage(rows, query.descending, query.after, query.limit).map((r) => ({ node: r.item, sortValue: r.sortValue }));
  }

  async count(label: EntityLabel, filter: EntityFilter): Promise<number> {
    return this.filtered(label, filter).length;
  }

  // ---- AgreementRepository ----

  private agreementPasses(a: AgreementRecord, f: AgreementFilter): boolean {
    return (
      (!f.kinds || f.kinds.includes(a.kind)) &&
      (!f.party || a.partyKeys.includes(f.party)) &&
      (f.multilateral === null || f.multilateral === undefined || a.partyKeys.length > 2 === f.multilateral) &&
      (!f.dateFrom || (a.enacted !== null && pad(a.enacted, '-12-31') >= f.dateFrom)) &&
      (!f.dateTo || (a.enacted !== null && pad(a.enacted, '-01-01') <= f.dateTo))
    );
  }

  private parties(a: AgreementRecord): EntityRecord[] {
    return a.partyKeys.map((k) => this.nodes.get(k)).filter((n): n is EntityRecord => n !== undefined);
  }

  agreementPage = async (query: AgreementPageQuery) => {
    const rows = [...this.agreements.values()]
      .filter((a) => this.agreementPasses(a, query.filter))
      .map((a) => ({ item: a, key: a.key, sortValue: query.sort === 'NAME' ? a.name : query.sort === 'KEY' ? a.key : (a.enacted ?? undatedValue(query)) }));
    return keysetPage(rows, query.descending, query.after, query.limit).map((r) => ({ agreement: r.item, sortValue: r.sortValue as string | null, parties: this.parties(r.item) }));
  };

  agreementCount = async (filter: AgreementFilter) => [...this.agreements.values()].filter((a) => this.agreementPasses(a, filter)).length;

  agreementsByKeys = async (keys: readonly string[]) =>
    keys.flatMap((k) => {
      const a = this.agreements.get(k);
      return a ? [{ agreement: a, parties: this.parties(a) }] : [];
    });

  /** cypher/agreement/of-parties.cypher: each party's agreements by enactment, then key. */
  // The statement's rules (src/domain/navigation.ts ofKinds, existsCondition), over the memory graph.
  ofParties = async (requests: readonly PartyAgreementsRequest[]) =>
    new Map(
      requests.map((r) => [
        partyRequestId(r),
        [...this.agreements.values()]
          .filter((a) => a.partyKeys.includes(r.key) && (!r.kinds || r.kinds.length === 0 || r.kinds.includes(a.kind)) && (!r.asOf || existsOn(a, r.asOf[0], r.asOf[1])))
          .sort((a, b) => compare(a.enacted ?? '~', b.enacted ?? '~') || compare(a.key, b.key)),
      ]),
    );
}

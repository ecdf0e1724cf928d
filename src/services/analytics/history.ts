/** History rules shared by the analytics service, its resolvers and the compiler: lineage order, principal dates, event wording. */
import { openingDateOf } from '../../domain/vocabulary.js';
import type { GraphRelationshipRecord, TimelineRow } from '../../repositories/analytics-repository.js';
import type { EntityRecord } from '../../repositories/records.js';
import type { LineageView, TimelineView } from './views.js';

/** The SUPERSEDES chain's rows in order, oldest first (ties: earlier date, then key); shared with the compiler. */
export function orderLineage(subject: EntityRecord, rows: readonly { node: EntityRecord; supersedes: GraphRelationshipRecord | null }[]): LineageView {
  const byKey = new Map(rows.map((r) => [r.node.key, r]));
  const successorOf = new Map<string, GraphRelationshipRecord>();
  for (const r of rows) if (r.supersedes) successorOf.set(r.supersedes.endKey, r.supersedes);
  const sortKey = (key: string) => `${principalDate(byKey.get(key)!.node) ?? '~'}|${key}`;
  // Kahn's order: a node comes after the one it superseded.
  const pending = new Map(rows.map((r) => [r.node.key, r.supersedes && byKey.has(r.supersedes.endKey) ? 1 : 0]));
  const ready = [...pending].filter(([, n]) => n === 0).map(([k]) => k);
  const ordered: string[] = [];
  while (ready.length > 0) {
    ready.sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
    const key = ready.shift()!;
    ordered.push(key);
    for (const r of rows) {
      if (r.supersedes?.endKey === key) {
        pending.set(r.node.key, 0);
        ready.push(r.node.key);
      }
    }
  }
  return {
    subject,
    steps: ordered.map((key, i) => ({
      position: i + 1,
      node: byKey.get(key)!.node,
      supersedes: byKey.get(key)!.supersedes,
      supersededBy: successorOf.get(key) ?? null,
    })),
  };
}

/** The principal date of a plan or a body: the date that opens its life (src/domain/vocabulary.ts, `openingDateOf`). */
export function principalDate(node: EntityRecord): string | null {
  return openingDateOf(node);
}

export function describe(row: { kind: string; subject: EntityRecord; related: EntityRecord | null; agreementName: string | null }): string {
  const s = row.subject.name;
  const r = row.related?.name;
  const agreement = row.agreementName ?? 'Agreement';
  switch (row.kind) {
    case 'ESTABLISHED':
      return `${s} established`;
    case 'CONVENED':
      return `${s} first convened`;
    case 'REORGANISED':
      return r ? `${r} reorganised as ${s}` : `${s} formed by reorganisation`;
    case 'SUPERSEDED':
      return r ? `${s} succeeded ${r}` : `${s} succeeded its predecessor`;
    case 'ADOPTED':
      return r ? `${s} adopted by ${r}` : `${s} adopted`;
    case 'APPROVED':
      return r ? `${s} approved by ${r}` : `${s} approved`;
    case 'INTRODUCED':
      return r ? `${s} introduced by ${r}` : `${s} introduced`;
    case 'ENACTED':
      return `${agreement} enacted`;
    case 'REVISED':
      return `${agreement} revised`;
    case 'HOSTED':
      return r ? `${s} hosted by ${r}` : `${s} hosted`;
    case 'RELOCATED':
      return r ? `${s} relocated to ${r}` : `${s} relocated`;
    case 'JURISDICTION_MOVED':
      return r ? `Jurisdiction over ${s} moved to ${r}` : `Jurisdiction over ${s} moved`;
    default:
      return `${s}: ${row.kind.toLowerCase()}`;
  }
}

/** The timeline from the statement's rows (up to `limit` + 1, oldest first): the events, each with its description. */
export function timelineResult(rows: readonly TimelineRow[], limit: number): TimelineView {
  return {
    events: rows.slice(0, limit).map((r) => ({
      kind: r.kind,
      date: r.date,
      subject: r.subject,
      related: r.related,
      agreementKey: r.agreementKey,
      description: describe(r),
      provenance: r.provenance,
    })),
    truncated: rows.length > limit,
  };
}

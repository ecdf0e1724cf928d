/**
 * The steps a view is made of, each drawn from the API's own queries: a neighbourhood (open, expand), the
 * shortest paths, a lineage, and the common ground of several nodes (commonMembers for meetings, with
 * membership through an office drawn as office → meeting and office → organisation; commonGround otherwise).
 * Collapse and dismiss take elements away without moving the others.
 */
import type { NodeCollection } from 'cytoscape';
import { ApiError, gql } from './api.js';
import { refresh, type App } from './app.js';
import { addElements, type ApiEdge, type ApiNode, type ApiProvenance } from './graph.js';
import { layoutAdded, layoutAgain, layoutChain, layoutCommon, layoutFresh, layoutRadial } from './layout.js';
import { anchorsOf, type Step } from './view-state.js';

interface Neighbourhood {
  neighbourhood: { truncated: boolean; nodes: { node: ApiNode }[]; relationships: ApiEdge[] };
}
interface Membership {
  meeting: ApiNode;
  type: 'CHAIRS' | 'MEMBER_OF';
  role: string | null;
  via: ApiNode | null;
  provenance: ApiProvenance;
}
interface CommonMember {
  member: ApiNode;
  memberships: Membership[];
}
interface CommonGround {
  commonGround: { truncated: boolean; a: ApiNode; b: ApiNode; neighbours: { node: ApiNode; viaA: ApiEdge[]; viaB: ApiEdge[] }[] };
}
interface LineageStep {
  node: ApiNode;
  supersededOn: { value: string } | null;
  provenance: ApiProvenance | null;
}

/** What the selected nodes share, for the common-ground pane: a summary and, for each shared node, how. */
export interface CommonList {
  summary: string;
  items: { id: string; name: string; how: string[] }[];
}

/** What a step drew, for the status line; `common` lists the common ground for its pane. */
export interface StepResult {
  message: string;
  common?: CommonList;
}

const membershipText = (m: Membership) =>
  `${m.type === 'CHAIRS' ? `chairs (${(m.role ?? '').toLowerCase()})` : 'member of'} ${m.meeting.name}${m.via ? ` through ${m.via.name}` : ''}`;

const NEIGHBOURHOOD_LIMIT = 150;

async function neighbourhood(id: string, depth: number) {
  const data = await gql<Neighbourhood>('ExplorerNeighbourhood', { id, depth, limit: NEIGHBOURHOOD_LIMIT });
  return data.neighbourhood;
}

/** Nodes brought in by expanding `id`, and what expanding those brought in, anchors excepted. */
function broughtInBy(app: App, id: string): NodeCollection {
  const anchors = new Set(anchorsOf(app.view.steps));
  let found = app.cy.collection();
  let frontier = [id];
  while (frontier.length) {
    const next = app.cy.nodes().filter((n) => frontier.includes(n.data('addedBy') as string) && !anchors.has(n.id()) && !found.contains(n));
    found = found.union(next);
    frontier = next.map((n) => n.id());
  }
  return found.nodes();
}

/** The type of each node, from the picture or (a view read from a URL) from the API. */
function typesOf(app: App, ids: readonly string[]): Promise<string[]> {
  return Promise.all(
    ids.map(async (id) => {
      const drawn = app.cy.getElementById(id).data('type') as string | undefined;
      if (drawn) return drawn;
      const { node } = await gql<{ node: { __typename: string } | null }>('ExplorerDetails', { id });
      if (!node) throw new ApiError(`no node has the id ${id}`, 'NOT_FOUND');
      return node.__typename;
    }),
  );
}

async function drawCommon(app: App, ids: readonly string[]): Promise<StepResult> {
  const { cy } = app;
  const types = await typesOf(app, ids);
  if (types.every((t) => t === 'Meeting')) {
    const { commonMembers } = await gql<{ commonMembers: CommonMember[] }>('ExplorerCommonMembers', { meetings: ids });
    cy.elements().remove();
    const meetings = new Map<string, ApiNode>();
    const nodes: ApiNode[] = [];
    const edges: ApiEdge[] = [];
    for (const { member, memberships } of commonMembers) {
      nodes.push(member);
      for (const m of memberships) {
        meetings.set(m.meeting.id, m.meeting);
        const sitter = m.via ?? member;
        if (m.via) {
          nodes.push(m.via);
          // commonMembers names the post, not the PART_OF fact: no provenance of its own here (expanding the
          // post draws the stored relationship, with its provenance, in this one's place).
          const note = { note: `the post through which ${member.name} sits on ${m.meeting.name} (commonMembers)` };
          edges.push({ id: `common:${m.via.id}>${member.id}`, type: 'PART_OF', startId: m.via.id, endId: member.id, properties: note, provenance: null });
        }
        const role = m.role ? { role: m.role } : {};
        edges.push({ id: `common:${sitter.id}>${m.meeting.id}:${m.type}`, type: m.type, startId: sitter.id, endId: m.meeting.id, properties: role, provenance: m.provenance });
      }
    }
    addElements(cy, [...meetings.values(), ...nodes], edges, null, true);
    const memberIds = new Set(commonMembers.map((c) => c.member.id));
    cy.nodes().forEach((n) => {
      n.toggleClass('common', memberIds.has(n.id()));
      n.toggleClass('via', !memberIds.has(n.id()) && !meetings.has(n.id()));
    });
    refresh(app);
    laidOut(app, { name: 'table' });
    layoutCommon(
      cy,
      ids,
      commonMembers.map(({ member, memberships }) => ({
        member: member.id,
        sitters: memberships.reduce(
          (map, m) => map.set(m.meeting.id, [...(map.get(m.meeting.id) ?? []), ...(m.via ? [m.via.id] : [])]),
          new Map<string, string[]>(),
        ),
      })),
    );
    const summary = `${commonMembers.length} bodies sit on ${ids.map((id) => meetings.get(id)?.name ?? id).join(' and ')}`;
    const items = commonMembers.map((c) => ({ id: c.member.id, name: c.member.name, how: c.memberships.map(membershipText) }));
    return { message: `${summary}.`, common: { summary: `${summary}:`, items } };
  }
  // Not all meetings: the nodes linked to every one of them (commonGround of the first with each other).
  const answers = await Promise.all(ids.slice(1).map((b) => gql<CommonGround>('ExplorerCommonGround', { a: ids[0], b })));
  const shared = answers.map((a) => new Set(a.commonGround.neighbours.map((n) => n.node.id)));
  const keep = [...shared[0]!].filter((id) => shared.every((s) => s.has(id)));
  cy.elements().remove();
  const ends = answers.flatMap((a) => [a.commonGround.a, a.commonGround.b]);
  const kept = answers.flatMap((a) => a.commonGround.neighbours.filter((n) => keep.includes(n.node.id)));
  addElements(cy, [...ends, ...kept.map((n) => n.node)], kept.flatMap((n) => [...n.viaA, ...n.viaB]), null);
  cy.nodes().forEach((n) => void n.toggleClass('common', keep.includes(n.id())));
  refresh(app);
  laidOut(app, { name: 'force' });
  await layoutFresh(cy);
  const name = (id: string) => (cy.getElementById(id).data('name') as string | undefined) ?? id;
  const summary = `${keep.length} node(s) linked to ${ids.map(name).join(' and ')}${answers.some((a) => a.commonGround.truncated) ? ' (cut at the limit)' : ''}`;
  const items = keep.map((id) => ({
    id,
    name: name(id),
    how: kept.filter((k) => k.node.id === id).flatMap((k) => [...k.viaA, ...k.viaB]).map((r) => `${name(r.startId)} ${r.type} ${name(r.endId)}`),
  }));
  return { message: `${summary}.`, common: { summary: `${summary}:`, items } };
}

/**
 * Lays the shown view out again (a new view, or after the date or the filters changed what is shown), the way
 * its kind reads best: a neighbourhood of depth 1 as a circle around its centre, a lineage and the common
 * ground of meetings where they stand (their layouts are tables), anything else by fCoSE from where it is.
 */
export async function relayout(app: App): Promise<void> {
  const { cy } = app;
  const kind = cy.scratch(LAYOUT) as Layout | undefined;
  if (kind?.name === 'radial') layoutRadial(cy, kind.centre);
  else if (kind?.name === 'table') cy.fit(cy.elements().not('.hidden'), 40);
  else await layoutAgain(cy);
}

/** How the view was laid out, so that it is laid out the same way again. */
type Layout = { name: 'radial'; centre: string } | { name: 'table' } | { name: 'force' };
const LAYOUT = 'explorer-layout';
const laidOut = (app: App, kind: Layout) => void app.cy.scratch(LAYOUT, kind);

/** Draws one step of a view; the step is already the last of app.view.steps (its anchors count). */
export async function runStep(app: App, step: Step): Promise<StepResult> {
  const { cy } = app;
  switch (step.verb) {
    case 'open': {
      const n = await neighbourhood(step.id, step.depth);
      cy.elements().remove();
      addElements(cy, n.nodes.map((x) => x.node), n.relationships, step.id);
      cy.getElementById(step.id).data('addedBy', null);
      refresh(app);
      laidOut(app, step.depth === 1 ? { name: 'radial', centre: step.id } : { name: 'force' });
      await relayout(app);
      return { message: `Neighbourhood of ${cy.getElementById(step.id).data('name')} (depth ${step.depth})${n.truncated ? ', cut at the limit' : ''}.` };
    }
    case 'expand': {
      const n = await neighbourhood(step.id, step.depth);
      const added = addElements(cy, n.nodes.map((x) => x.node), n.relationships, step.id);
      refresh(app);
      laidOut(app, { name: 'force' });
      await layoutAdded(cy, added.not('.hidden').nodes(), cy.getElementById(step.id));
      return { message: `Expanded ${cy.getElementById(step.id).data('name')}: ${added.length} new node(s)${n.truncated ? ', cut at the limit' : ''}.` };
    }
    case 'collapse': {
      const gone = broughtInBy(app, step.id);
      gone.remove();
      return { message: `Collapsed ${cy.getElementById(step.id).data('name')}: ${gone.length} node(s) taken away.` };
    }
    case 'dismiss': {
      const name = cy.getElementById(step.id).data('name') as string;
      cy.getElementById(step.id).remove();
      return { message: `Dismissed ${name}.` };
    }
    case 'common':
      return drawCommon(app, step.ids);
    case 'path': {
      const { shortestPath } = await gql<{ shortestPath: { truncated: boolean; paths: { nodes: ApiNode[]; relationships: ApiEdge[] }[] } }>(
        'ExplorerPath',
        { from: step.from, to: step.to },
      );
      cy.elements().remove();
      for (const p of shortestPath.paths) addElements(cy, p.nodes, p.relationships, null);
      refresh(app);
      laidOut(app, { name: 'force' });
      await layoutFresh(cy);
      const hops = shortestPath.paths[0]?.relationships.length ?? 0;
      return { message: shortestPath.paths.length ? `${shortestPath.paths.length} shortest path(s) of ${hops} hop(s).` : 'No path within 6 hops.' };
    }
    case 'lineage': {
      const { lineage } = await gql<{ lineage: { steps: LineageStep[] } }>('ExplorerLineage', { id: step.id });
      cy.elements().remove();
      const steps = lineage.steps;
      const edges = steps.slice(1).map((s, i) => ({
        id: `lineage:${steps[i]!.node.id}>${s.node.id}`,
        type: 'SUPERSEDED BY',
        startId: steps[i]!.node.id,
        endId: s.node.id,
        properties: { on: s.supersededOn?.value ?? null },
        provenance: s.provenance,
      }));
      addElements(cy, steps.map((s) => s.node), edges, null, true);
      // Every step of the chain holds the view: as of a date, the steps that existed stay.
      cy.nodes().forEach((n) => void n.data('pinned', true));
      refresh(app);
      laidOut(app, { name: 'table' });
      layoutChain(cy, steps.map((s) => s.node.id));
      return { message: `Lineage: ${steps.length} step(s), oldest on the left.` };
    }
  }
}

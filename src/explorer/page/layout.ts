/**
 * Layouts (fCoSE, bundled). Every layout is computed with the labels at their largest (zoom 1: graph.ts,
 * labelScale), counted in the nodes' size, then any labels still touching are pushed apart; since labels never
 * grow in the picture's units when zooming, no zoom makes them pile up. A new view is laid out whole; an
 * expansion places only the new nodes, around the node expanded, and every node already placed stays where it
 * is (fixed-node constraints); an "as of" change lays the shown nodes out again from where they stand, so the
 * view closes up instead of leaving holes.
 */
import cytoscape, { type CollectionReturnValue, type Core, type EdgeSingular, type NodeCollection, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

/** Edges shown at a node (a hub's spokes are as long as what is shown needs). */
const shownDegree = (n: NodeSingular) => n.connectedEdges().not('.hidden').length;

const BASE = {
  name: 'fcose',
  quality: 'proof',
  animate: false,
  nodeDimensionsIncludeLabels: true,
  packComponents: false,
  nodeRepulsion: () => 6500,
  // Spokes of a hub (Japan has 40 agreements) get longer, so their labels and ends have room around it.
  idealEdgeLength: (edge: EdgeSingular) => 70 + 4 * Math.max(shownDegree(edge.source()), shownDegree(edge.target())),
  nodeSeparation: 110,
  padding: 40,
};

async function run(eles: CollectionReturnValue, options: Record<string, unknown>): Promise<void> {
  if (eles.nodes().empty()) return;
  const layout = eles.layout({ ...BASE, ...options } as unknown as cytoscape.LayoutOptions);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}

const shown = (cy: Core) => cy.elements().not('.hidden');
const GAP = 4;

/** Labels at their largest (zoom 1), where layouts make room for them. */
function labelsAtZoomOne(cy: Core): void {
  cy.zoom(1);
  cy.style().update();
}

/** Shows the whole view, never zoomed in so far that a few nodes fill the screen. */
function fitView(cy: Core): void {
  cy.fit(shown(cy), 40);
  if (cy.zoom() > 1.25) cy.zoom({ level: 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/**
 * Pushes apart nodes whose drawn boxes (node and label) overlap, moving only `movable` ones, each time along the
 * axis that needs the smaller move. Labels are at their largest (zoom 1) while this runs.
 */
function separate(cy: Core, movable: NodeCollection): void {
  const nodes = shown(cy).nodes();
  const free = new Set(movable.map((n) => n.id()));
  for (let round = 0; round < 60; round++) {
    const boxes = nodes.map((n) => ({ n, b: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        const dx = Math.min(p.b.x2, q.b.x2) - Math.max(p.b.x1, q.b.x1) + GAP;
        const dy = Math.min(p.b.y2, q.b.y2) - Math.max(p.b.y1, q.b.y1) + GAP;
        if (dx <= GAP || dy <= GAP) continue;
        const [pFree, qFree] = [free.has(p.n.id()), free.has(q.n.id())];
        if (!pFree && !qFree) continue;
        const share = pFree && qFree ? 0.5 : 1;
        const alongX = dx < dy;
        const sign = alongX ? Math.sign(q.b.x1 + q.b.x2 - p.b.x1 - p.b.x2) || 1 : Math.sign(q.b.y1 + q.b.y2 - p.b.y1 - p.b.y2) || 1;
        const step = (alongX ? dx : dy) * share;
        for (const [box, dir, isFree] of [[p, -sign, pFree], [q, sign, qFree]] as const) {
          if (!isFree) continue;
          const pos = box.n.position();
          box.n.position(alongX ? { x: pos.x + dir * step, y: pos.y } : { x: pos.x, y: pos.y + dir * step });
          box.b = box.n.boundingBox({ includeLabels: true, includeOverlays: false });
        }
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/**
 * Moves each of `movable` out along the ray from `origin` until its box (node and label) overlaps no other
 * node's: the nodes already placed stay still and new ones settle around them, never between two of them.
 */
function settle(cy: Core, movable: NodeCollection, origin: { x: number; y: number }): void {
  const others = shown(cy).nodes().toArray() as NodeSingular[];
  const box = (n: NodeSingular) => n.boundingBox({ includeLabels: true, includeOverlays: false });
  const hits = (n: NodeSingular) => {
    const b = box(n);
    return others.some((o) => {
      if (o.id() === n.id()) return false;
      const c = box(o);
      return b.x1 < c.x2 + GAP && c.x1 < b.x2 + GAP && b.y1 < c.y2 + GAP && c.y1 < b.y2 + GAP;
    });
  };
  movable.forEach((n, i) => {
    const p = n.position();
    let angle = Math.atan2(p.y - origin.y, p.x - origin.x);
    if (p.x === origin.x && p.y === origin.y) angle = (2 * Math.PI * i) / movable.length;
    for (let step = 0; step < 200 && hits(n); step++) {
      const q = n.position();
      n.position({ x: q.x + 12 * Math.cos(angle), y: q.y + 12 * Math.sin(angle) });
    }
  });
}

/** Lays a whole new view out, with room for every label. */
export async function layoutFresh(cy: Core): Promise<void> {
  labelsAtZoomOne(cy);
  await run(shown(cy), { randomize: true, fit: false });
  separate(cy, shown(cy).nodes());
  fitView(cy);
}

/**
 * A node and its neighbours (a depth-1 neighbourhood): the neighbours evenly on a circle around it, grouped by
 * the relationship that links them and in alphabetical order within (Japan's partners A to Z, clockwise from
 * the top), so no spoke hides behind another and a name is found at a glance.
 */
export function layoutRadial(cy: Core, centreId: string): void {
  labelsAtZoomOne(cy);
  const centre = cy.getElementById(centreId);
  const ring = shown(cy).nodes().not(centre);
  const linkType = (n: NodeSingular) => (n.edgesWith(centre).map((e) => e.data('type') as string).sort()[0] ?? '~');
  const sorted = (ring.toArray() as NodeSingular[]).sort(
    (a, b) => linkType(a).localeCompare(linkType(b)) || String(a.data('name')).localeCompare(String(b.data('name'))),
  );
  const radius = Math.max(170, (sorted.length * 72) / (2 * Math.PI));
  centre.position({ x: 0, y: 0 });
  sorted.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / sorted.length;
    n.position({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  separate(cy, ring);
  fitView(cy);
}

/** Lays out the shown nodes again from where they stand (after an "as of" or filter change). */
export async function layoutAgain(cy: Core): Promise<void> {
  labelsAtZoomOne(cy);
  await run(shown(cy), { randomize: false, fit: false });
  separate(cy, shown(cy).nodes());
  fitView(cy);
}

/** Places new nodes around `centre` without moving any node already placed; zooms out only if they fall outside. */
export async function layoutAdded(cy: Core, added: NodeCollection, centre: NodeSingular | null): Promise<void> {
  const placed = shown(cy).nodes().difference(added).nodes();
  if (placed.empty()) return layoutFresh(cy);
  const box0 = placed.boundingBox({});
  const origin = centre && centre.nonempty() ? { ...centre.position() } : { x: box0.x2 + 150, y: (box0.y1 + box0.y2) / 2 };
  const radius = 120 + 12 * added.length;
  added.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, added.length);
    n.position({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
  });
  const fixed = placed.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
  const viewport = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  labelsAtZoomOne(cy);
  await run(shown(cy), { randomize: false, fit: false, fixedNodeConstraint: fixed });
  // fCoSE may shift the whole picture while honouring the constraints: shift it back, placed nodes exactly.
  const dx = fixed.reduce((sum, f) => sum + cy.getElementById(f.nodeId).position('x') - f.position.x, 0) / fixed.length;
  const dy = fixed.reduce((sum, f) => sum + cy.getElementById(f.nodeId).position('y') - f.position.y, 0) / fixed.length;
  added.forEach((n) => void n.position({ x: n.position('x') - dx, y: n.position('y') - dy }));
  for (const f of fixed) cy.getElementById(f.nodeId).position(f.position);
  settle(cy, added, origin);
  cy.viewport(viewport);
  cy.style().update();
  const view = cy.extent();
  const box = added.boundingBox({});
  if (box.x1 < view.x1 || box.y1 < view.y1 || box.x2 > view.x2 || box.y2 > view.y2) fitView(cy);
}

/** Lays a chain out left to right in the given order (a lineage, oldest first). */
export function layoutChain(cy: Core, ids: readonly string[]): void {
  ids.forEach((id, i) => cy.getElementById(id).position({ x: i * 240, y: 0 }));
  fitView(cy);
}

export interface CommonRow {
  member: string;
  /** For each meeting, the posts through which the member sits on it (none: it sits there itself). */
  sitters: Map<string, string[]>;
}

const COLUMN = 210;
const ROW = 62;

/**
 * The common ground of meetings, laid out as a table: each common member on a row of its own in the middle;
 * two meetings on either side (more: in a column on the left), with the posts through which each member
 * sits between it and the meeting.
 */
export function layoutCommon(cy: Core, meetings: readonly string[], rows: readonly CommonRow[]): void {
  const placed = new Set<string>();
  const place = (id: string, x: number, y: number) => {
    if (placed.has(id)) return;
    placed.add(id);
    cy.getElementById(id).position({ x, y });
  };
  const twoSided = meetings.length === 2;
  const memberX = 2 * COLUMN;
  const sideX = (meeting: string) => (twoSided && meeting === meetings[1] ? 3 * COLUMN : COLUMN);
  let y = 0;
  for (const row of rows) {
    const perSide = new Map<number, string[]>();
    for (const [meeting, posts] of row.sitters) {
      const x = sideX(meeting);
      perSide.set(x, [...new Set([...(perSide.get(x) ?? []), ...posts.filter((p) => p !== row.member)])]);
    }
    const height = Math.max(1, ...[...perSide.values()].map((posts) => posts.length)) * ROW;
    place(row.member, memberX, y + height / 2);
    for (const [x, posts] of perSide) posts.forEach((p, i) => place(p, x, y + (i + 0.5) * (height / posts.length)));
    y += height + ROW / 4;
  }
  if (twoSided) {
    place(meetings[0]!, 0, y / 2);
    place(meetings[1]!, 4 * COLUMN, y / 2);
  } else meetings.forEach((m, i) => place(m, 0, ((i + 0.5) * y) / meetings.length));
  fitView(cy);
}

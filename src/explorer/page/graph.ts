/**
 * The picture: one cytoscape instance, its style (colour and shape by type, agreements by kind, labels that
 * keep their size on screen whatever the zoom) and the conversion of the API's nodes and relationships into
 * elements. Drawn facts keep their provenance for the details panel.
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular, type StylesheetJson } from 'cytoscape';
import svg from 'cytoscape-svg';
import { agreementLabel, shortLabel, yearOf } from './labels.js';
import { NODE_STYLE } from './node-style.js';

cytoscape.use(svg);

/** Agreement kinds, each its own colour (colour-blind-safe Okabe–Ito hues). */
export const AGREEMENT_COLOURS: Record<string, string> = { CMAA: '#0072b2', INTERGOVERNMENTAL: '#009e73', EPA: '#d55e00', MOU: '#cc79a7' };

export interface ApiNode {
  __typename: string;
  id: string;
  name: string;
  aliases?: readonly string[] | null;
}

export interface ApiProvenance {
  section: string;
  quote?: string | null;
  inferred: boolean;
  reading?: string | null;
}

export interface ApiEdge {
  id: string;
  type: string;
  startId: string;
  endId: string;
  properties?: Record<string, unknown> | null;
  provenance?: ApiProvenance | null;
}

/** Label sizes in pixels at zoom 1, where layouts make room for them. */
const FONT = 13;
const EDGE_FONT = 11;
const LABEL_WIDTH = 170;

/**
 * How big a label is drawn, relative to zoom 1, in the picture's own units: zoomed out, labels shrink with the
 * picture (so the room the layout made for them still holds, and they never pile up); zoomed in, they keep
 * their size on screen instead of growing. Below 6 px on screen they are not drawn (hover shows the name).
 */
export const labelScale = (zoom: number): number => Math.min(1, 1 / zoom);

export function createGraph(container: HTMLElement): Core {
  const cy = cytoscape({ container, minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: true });
  const k = () => labelScale(cy.zoom());
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': () => FONT * k(),
        'text-wrap': 'wrap',
        'text-max-width': () => `${LABEL_WIDTH * k()}px`,
        'text-valign': 'bottom',
        'text-margin-y': () => 3 * k(),
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': () => `${k()}px`,
        'min-zoomed-font-size': 6,
        width: 26,
        height: 26,
        'background-color': (n: NodeSingular) => (NODE_STYLE[n.data('type') as string] ?? ['#999'])[0],
        shape: (n: NodeSingular) => (NODE_STYLE[n.data('type') as string] ?? ['', 'ellipse'])[1],
      },
    },
    { selector: 'node.anchor', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#333', 'font-weight': 'bold' } },
    { selector: 'node.common', style: { 'border-width': 4, 'border-color': '#7b2cbf' } },
    { selector: 'node.via', style: { width: 16, height: 16, opacity: 0.85 } },
    { selector: 'node:selected', style: { 'overlay-color': '#1f6feb', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        label: 'data(label)',
        'font-size': () => EDGE_FONT * k(),
        'min-zoomed-font-size': 6,
        color: '#666',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'curve-style': 'bezier',
        'control-point-step-size': 36,
        'target-arrow-shape': 'triangle',
        width: 1.5,
        'line-color': '#b8b8b8',
        'target-arrow-color': '#b8b8b8',
      },
    },
    {
      selector: 'edge[type = "AGREEMENT"]',
      style: {
        width: 3,
        color: (e: EdgeSingular) => AGREEMENT_COLOURS[e.data('kind') as string] ?? '#666',
        'line-color': (e: EdgeSingular) => AGREEMENT_COLOURS[e.data('kind') as string] ?? '#888',
        'target-arrow-color': (e: EdgeSingular) => AGREEMENT_COLOURS[e.data('kind') as string] ?? '#888',
        'font-weight': 'bold',
        // An agreement binds both parties: no arrow. Its label sits nearer the partner, where spokes are further
        // apart than at their middle (a hub such as Japan has 40 of them).
        'target-arrow-shape': 'none',
        label: '',
        'target-label': 'data(label)',
        'target-text-offset': 80,
        'target-text-rotation': 'autorotate',
      },
    },
    // A relationship's type is written when it matters: close up, or at what is selected (agreements always).
    { selector: 'edge[type != "AGREEMENT"][!labelled]', style: { label: '' } },
    { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-color': '#d4a017', 'target-arrow-color': '#d4a017' } },
    { selector: 'edge:selected', style: { width: 5, 'overlay-color': '#1f6feb', 'overlay-opacity': 0.2 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
  cy.style(style);
  // Label sizes follow the zoom (labelScale): recompute them when it changes (once a frame at most).
  let pending = false;
  const update = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      labelEdges(cy);
      cy.style().update();
    });
  };
  cy.on('zoom select unselect add', update);
  return cy;
}

/** Writes relationship types close up (zoom 1.2 and more) and on the edges of what is selected. */
function labelEdges(cy: Core): void {
  const near = cy.zoom() >= 1.2;
  const selected = cy.elements(':selected');
  const focus = selected.edges().union(selected.nodes().connectedEdges());
  cy.batch(() => cy.edges().forEach((e) => void e.data('labelled', near || focus.contains(e))));
}

export const nodeData = (n: ApiNode, addedBy: string | null) => ({
  id: n.id,
  name: n.name,
  label: shortLabel(n.name, n.aliases ?? []),
  type: n.__typename,
  addedBy,
});

export function edgeData(r: ApiEdge, synthetic = false) {
  const properties = r.properties ?? {};
  const agreement = r.type === 'AGREEMENT';
  const role = typeof properties['role'] === 'string' ? ` (${properties['role'].toLowerCase()})` : '';
  return {
    id: r.id,
    source: r.startId,
    target: r.endId,
    type: r.type,
    properties,
    provenance: r.provenance ?? null,
    inferred: Boolean(r.provenance?.inferred),
    synthetic,
    label: agreement ? agreementLabel(properties) : `${r.type}${role}`,
    kind: agreement ? properties['kind'] : null,
    year: agreement ? yearOf(properties['enacted']) : null,
    agreementKey: agreement ? (properties['agreementKey'] ?? null) : null,
  };
}

const sameFact = (e: EdgeSingular, source: string, target: string, type: string) =>
  e.data('source') === source && e.data('target') === target && e.data('type') === type;

/**
 * Adds nodes and edges that are not drawn yet; returns the nodes added. A relationship drawn from an answer
 * that has no relationship ids (commonMembers) gives way to the real one when both are drawn.
 */
export function addElements(cy: Core, nodes: readonly ApiNode[], edges: readonly ApiEdge[], addedBy: string | null, synthetic = false) {
  const added = cy.collection();
  cy.batch(() => {
    for (const n of nodes) {
      if (cy.getElementById(n.id).empty()) added.merge(cy.add({ group: 'nodes', data: nodeData(n, addedBy) }));
    }
    for (const r of edges) {
      if (!cy.getElementById(r.id).empty() || cy.getElementById(r.startId).empty() || cy.getElementById(r.endId).empty()) continue;
      const twins = cy.edges().filter((e) => sameFact(e, r.startId, r.endId, r.type));
      if (synthetic && twins.nonempty()) continue;
      twins.filter('[?synthetic]').remove();
      cy.add({ group: 'edges', data: edgeData(r, synthetic) });
    }
  });
  return added;
}

/**
 * What the explorer shows: the API's answer for a date laid over the drawn elements, then only what stays
 * connected to the view's anchors. The rule for "existed as of D" is the API's alone (stateAsOf and the
 * timeline up to D); this module only maps those answers onto nodes and edges. Pure (unit-tested).
 */

export interface GraphNode {
  id: string;
  type: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** For AGREEMENT edges: the agreement they belong to (the TPP is one agreement over eleven edges). */
  agreementKey?: string | null;
}

/** The API's answer for one date (operations/explorer/explorer-state-as-of.graphql). */
export interface AsOfAnswer {
  /** The date as the API read it. */
  date: { value: string; precision: string; earliest: string; latest: string };
  /** stateAsOf.meetings: the meetings that existed. */
  meetings: Set<string>;
  /** stateAsOf.agreements: the agreements in force. */
  agreements: Set<string>;
  /** stateAsOf.hostings as `host>hosted`. */
  hostings: Set<string>;
  /** stateAsOf.meetings[].administeredBy as `meeting>organisation`. */
  administrations: Set<string>;
  /** stateAsOf.meetings[].parent as `meeting>parent`. */
  parents: Set<string>;
  /** Subjects of the timeline's beginnings (established, adopted, introduced) up to the date. */
  begun: Set<string>;
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
  /** Anchors that did not exist on the date. */
  absentAnchors: string[];
  /** Nodes drawn but not shown: they did not exist on the date, or nothing shown links them to the view. */
  dropped: number;
}

const pair = (a: string, b: string) => `${a}>${b}`;

/** Whether the API's answer for the date keeps a node: meetings by stateAsOf, dated beginnings by the timeline. */
function nodeExists(node: GraphNode, answer: AsOfAnswer, hasBeginning: ReadonlySet<string>): boolean {
  if (node.type === 'Meeting') return answer.meetings.has(node.id);
  if (hasBeginning.has(node.id)) return answer.begun.has(node.id);
  return true;
}

/** Whether the API's answer keeps an edge of a kind stateAsOf speaks about (others follow their two ends). */
function edgeExists(edge: GraphEdge, answer: AsOfAnswer, types: ReadonlyMap<string, string>): boolean {
  switch (edge.type) {
    case 'AGREEMENT':
      return edge.agreementKey != null && answer.agreements.has(edge.agreementKey);
    case 'HOSTED':
      return answer.hostings.has(pair(edge.source, edge.target));
    case 'ADMINISTERED_BY':
      return answer.administrations.has(pair(edge.source, edge.target));
    case 'PART_OF':
      return types.get(edge.source) !== 'Meeting' || types.get(edge.target) !== 'Meeting' || answer.parents.has(pair(edge.source, edge.target));
    default:
      return true;
  }
}

/**
 * The nodes and edges to show. Without a date every drawn element is a candidate; with one, only what the
 * API says existed then. Edges of hidden types drop out. Then only what is connected to a shown anchor
 * stays (with no anchor: every node with a shown edge), so nothing floats unconnected.
 */
export function visibleElements(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  options: { answer: AsOfAnswer | null; hasBeginning: ReadonlySet<string>; hiddenTypes: ReadonlySet<string>; anchors: readonly string[] },
): Visibility {
  const { answer, hasBeginning, hiddenTypes, anchors } = options;
  const types = new Map(nodes.map((n) => [n.id, n.type]));
  const candidates = new Set(nodes.filter((n) => !answer || nodeExists(n, answer, hasBeginning)).map((n) => n.id));
  const liveEdges = edges.filter(
    (e) => candidates.has(e.source) && candidates.has(e.target) && !hiddenTypes.has(e.type) && (!answer || edgeExists(e, answer, types)),
  );
  const links = new Map<string, string[]>();
  for (const e of liveEdges) {
    links.set(e.source, [...(links.get(e.source) ?? []), e.target]);
    links.set(e.target, [...(links.get(e.target) ?? []), e.source]);
  }
  const drawnAnchors = anchors.filter((a) => types.has(a));
  const shownAnchors = drawnAnchors.filter((a) => candidates.has(a));
  const reached = new Set<string>();
  if (drawnAnchors.length > 0) {
    const queue = [...shownAnchors];
    for (const a of queue) reached.add(a);
    while (queue.length) {
      for (const next of links.get(queue.shift()!) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
  } else {
    for (const id of candidates) if (links.has(id) || nodes.length === 1) reached.add(id);
  }
  return {
    nodes: reached,
    edges: new Set(liveEdges.filter((e) => reached.has(e.source) && reached.has(e.target)).map((e) => e.id)),
    absentAnchors: drawnAnchors.filter((a) => !candidates.has(a)),
    dropped: nodes.length - reached.size,
  };
}

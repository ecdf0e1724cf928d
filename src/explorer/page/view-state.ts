/**
 * The explorer's view as a recipe of steps, kept in the page's URL so a view can be shared and survives a
 * reload: `/explore?step=open:1:country:japan&step=expand:1:organisation:japan-customs&asof=2005&hide=HOSTED`.
 * A step that draws a new view (open, common, path, lineage) replaces what came before it, so the URL keeps
 * only the steps from the last of those. Pure functions: no DOM, no network (unit-tested).
 */

export type Step =
  /** Draw a body's neighbourhood as a new view. */
  | { verb: 'open'; id: string; depth: number }
  /** Add a node's neighbourhood to the view. */
  | { verb: 'expand'; id: string; depth: number }
  /** Take away what expanding a node added. */
  | { verb: 'collapse'; id: string }
  /** Take a node out of the view. */
  | { verb: 'dismiss'; id: string }
  /** Draw what two or more nodes have in common as a new view. */
  | { verb: 'common'; ids: string[] }
  /** Draw the shortest paths between two nodes as a new view. */
  | { verb: 'path'; from: string; to: string }
  /** Draw a plan's or meeting's lineage as a new view. */
  | { verb: 'lineage'; id: string };

export interface ViewState {
  steps: Step[];
  /** The "as of" date as typed (`2005`, `2005-06`, `2005-06-30`), or null for no date. */
  asOf: string | null;
  /** Relationship types hidden by the filter. */
  hidden: string[];
  /** The tab shown beside the picture. */
  tab: 'details' | 'table' | 'common';
  /** The node or edge inspected. */
  inspected: string | null;
}

export const MAX_DEPTH = 3;
const REPLACING = new Set<Step['verb']>(['open', 'common', 'path', 'lineage']);

export const emptyView = (): ViewState => ({ steps: [], asOf: null, hidden: [], tab: 'details', inspected: null });

/** True for a step that starts a new view. */
export const replacesView = (step: Step): boolean => REPLACING.has(step.verb);

/** The steps that still matter: from the last one that drew a new view. */
export function currentSteps(steps: readonly Step[]): Step[] {
  let start = 0;
  steps.forEach((s, i) => {
    if (replacesView(s)) start = i;
  });
  return steps.slice(start);
}

/** The nodes a view is built around (what was opened, compared, joined or traced), minus dismissed ones. */
export function anchorsOf(steps: readonly Step[]): string[] {
  const anchors: string[] = [];
  for (const s of currentSteps(steps)) {
    if (s.verb === 'open' || s.verb === 'lineage') anchors.push(s.id);
    else if (s.verb === 'common') anchors.push(...s.ids);
    else if (s.verb === 'path') anchors.push(s.from, s.to);
    else if (s.verb === 'dismiss') anchors.splice(0, anchors.length, ...anchors.filter((a) => a !== s.id));
  }
  return [...new Set(anchors)];
}

function stepText(s: Step): string {
  switch (s.verb) {
    case 'open':
    case 'expand':
      return `${s.verb}:${s.depth}:${s.id}`;
    case 'collapse':
    case 'dismiss':
    case 'lineage':
      return `${s.verb}:${s.id}`;
    case 'common':
      return `common:${s.ids.join(',')}`;
    case 'path':
      return `path:${s.from},${s.to}`;
  }
}

const ID = /^[a-z][a-z0-9-]*:\S+$/;
const clampDepth = (text: string) => Math.min(MAX_DEPTH, Math.max(1, Number.parseInt(text, 10) || 1));

/** One step from its URL form, or null when it cannot be read. */
export function parseStep(text: string): Step | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const verb = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (verb === 'open' || verb === 'expand') {
    const m = /^(\d+):(.+)$/.exec(rest);
    return m && ID.test(m[2]!) ? { verb, depth: clampDepth(m[1]!), id: m[2]! } : null;
  }
  if (verb === 'collapse' || verb === 'dismiss' || verb === 'lineage') return ID.test(rest) ? { verb, id: rest } : null;
  const ids = rest.split(',').filter((id) => ID.test(id));
  if (ids.length !== rest.split(',').length) return null;
  if (verb === 'common') return ids.length >= 2 ? { verb, ids } : null;
  if (verb === 'path') return ids.length === 2 ? { verb, from: ids[0]!, to: ids[1]! } : null;
  return null;
}

/** The URL query for a view (without the `?`). */
export function serialiseView(view: ViewState): string {
  const q = new URLSearchParams();
  for (const s of currentSteps(view.steps)) q.append('step', stepText(s));
  if (view.asOf) q.set('asof', view.asOf);
  if (view.hidden.length) q.set('hide', [...view.hidden].sort().join(','));
  if (view.tab !== 'details') q.set('tab', view.tab);
  if (view.inspected) q.set('inspect', view.inspected);
  return q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** A view from the URL query; what cannot be read is left out and listed in `ignored`. */
export function parseView(query: string): { view: ViewState; ignored: string[] } {
  const q = new URLSearchParams(query);
  const view = emptyView();
  const ignored: string[] = [];
  for (const text of q.getAll('step')) {
    const step = parseStep(text);
    if (step) view.steps.push(step);
    else ignored.push(text);
  }
  view.steps = currentSteps(view.steps);
  view.asOf = q.get('asof')?.trim() || null;
  view.hidden = (q.get('hide') ?? '').split(',').filter((t) => /^[A-Z_]+$/.test(t));
  const tab = q.get('tab');
  view.tab = tab === 'table' || tab === 'common' ? tab : 'details';
  view.inspected = q.get('inspect') || null;
  return { view, ignored };
}

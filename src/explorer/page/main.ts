/**
 * The graph explorer (/explore): the page's wiring. Click inspects, double-click (or the context menu, or
 * the details' buttons) expands; collapse, dismiss and undo; Ctrl/Shift-click selects several nodes for their
 * common ground; the time slider shows the graph as the API says it stood; the view lives in the URL.
 * Everything here is bundled with cytoscape and fCoSE by src/explorer/build.ts (no CDN, no inline script).
 */
import type { Core } from 'cytoscape';
import { relayout, runStep, type StepResult } from './actions.js';
import { $, describeView, esc, refresh, status, type App } from './app.js';
import { initAsOf, loadDates, setAsOf } from './as-of.js';
import { AGREEMENT_COLOURS, createGraph } from './graph.js';
import { NODE_STYLE } from './node-style.js';
import { canUndo, forget, remember, undo } from './history.js';
import { attachContextMenu, attachTooltip, type NodeAction } from './menu.js';
import { renderCommon, renderTable, showEdge, showNode, showTab } from './panel.js';
import { attachPicker, resolveId, searchAsYouType } from './search.js';
import { emptyView, parseView, replacesView, type Step } from './view-state.js';

declare global {
  interface Window {
    explorer: { cy: Core; app: App; ready: boolean; busy: number };
  }
}

const cy = createGraph($('cy'));
const app: App = { cy, view: emptyView(), answer: null, dates: null, listeners: [] };
window.explorer = { cy, app, ready: false, busy: 0 };

const depth = () => Number($<HTMLSelectElement>('depth').value);
const fail = (err: unknown) => status(`Error: ${(err as Error).message}`, 'error');

let queue: Promise<void> = Promise.resolve();

/** Runs a user action after the ones before it (one at a time), with errors shown in the status line. */
function guarded(fn: () => Promise<void>): Promise<void> {
  window.explorer.busy++;
  document.body.classList.add('busy');
  queue = queue.then(async () => {
    try {
      await fn();
    } catch (err) {
      fail(err);
    } finally {
      window.explorer.busy--;
      document.body.classList.toggle('busy', window.explorer.busy > 0);
    }
  });
  return queue;
}

/** Draws a step, keeping the view before it for undo. */
async function perform(step: Step): Promise<StepResult | null> {
  remember(app);
  app.view.steps.push(step);
  let result: StepResult;
  try {
    status('Asking the API…');
    result = await runStep(app, step);
  } catch (err) {
    // Nothing half-drawn: the view goes back to what it was before the step.
    undo(app);
    refresh(app);
    throw err;
  }
  if (replacesView(step)) renderCommon(result.common ?? null);
  if (result.common) showTab(app, 'common');
  const visibility = refresh(app);
  status(`${result.message} ${describeView(app, visibility)}`);
  return result;
}

function act(action: NodeAction, id: string): void {
  if (action === 'inspect') void guarded(() => showNode(app, id));
  else if (action === 'select') cy.getElementById(id).select();
  else void guarded(async () => void (await perform(action === 'expand' ? { verb: 'expand', id, depth: depth() } : { verb: action, id })));
}

function renderLegend(): void {
  const swatch = (colour: string) => `<span class="swatch" data-colour="${colour}"></span>`;
  $('legend').innerHTML =
    Object.entries(NODE_STYLE).map(([t, [c, s]]) => `<div>${swatch(c)}${t} (${s})</div>`).join('') +
    Object.entries(AGREEMENT_COLOURS).map(([k, c]) => `<div>${swatch(c)}agreement: ${k}</div>`).join('') +
    `<div>${swatch('#d4a017')}dashed edge: a reading (inferred)</div>`;
  // Colours are set through the DOM, not style attributes, so a strict Content-Security-Policy holds.
  $('legend').querySelectorAll<HTMLElement>('.swatch').forEach((s) => (s.style.background = s.dataset['colour']!));
}

function renderTypes(): void {
  const types = [...new Set(cy.edges().map((e) => e.data('type') as string))].sort();
  const hidden = new Set(app.view.hidden);
  $('types').innerHTML = types.map((t) => `<label><input type="checkbox" data-type="${esc(t)}" ${hidden.has(t) ? '' : 'checked'}> ${esc(t)}</label>`).join('');
}

function updateToolbar(): void {
  const selected = cy.nodes(':selected').length;
  const common = $<HTMLButtonElement>('common');
  common.disabled = selected < 2;
  common.textContent = `Common ground (${selected} selected)`;
  $<HTMLButtonElement>('undo').disabled = !canUndo();
}

/** What was inspected and is no longer drawn (a new view) leaves the details pane. */
function forgetGone(): void {
  const id = app.view.inspected;
  if (!id || cy.getElementById(id).nonempty()) return;
  app.view.inspected = null;
  $('pane-details').innerHTML = '<p>Click a node or an edge.</p>';
  delete $('pane-details').dataset['id'];
}

app.listeners.push(() => renderTypes(), () => renderTable(app), () => updateToolbar(), () => forgetGone());

// The picture: click inspects, double-click expands, right-click opens the menu.
cy.on('tap', 'node', (event) => act('inspect', event.target.id()));
cy.on('dbltap', 'node', (event) => act('expand', event.target.id()));
cy.on('tap', 'edge', (event) => showEdge(app, event.target));
cy.on('select unselect', 'node', updateToolbar);
attachContextMenu(cy, act);
attachTooltip(cy);

searchAsYouType($<HTMLInputElement>('search'), $('results'), (hit) => void guarded(async () => {
  await perform({ verb: 'open', id: hit.id, depth: depth() });
  await showNode(app, hit.id);
}), fail);
for (const box of ['from', 'to', 'lineage-id']) attachPicker($<HTMLInputElement>(box), $(`${box}-hits`), fail);

$('path').addEventListener('click', () => void guarded(async () => {
  const [from, to] = await Promise.all([resolveId($<HTMLInputElement>('from'), 'the start'), resolveId($<HTMLInputElement>('to'), 'the end')]);
  await perform({ verb: 'path', from: from.id, to: to.id });
}));
$('lineage').addEventListener('click', () => void guarded(async () => {
  const node = await resolveId($<HTMLInputElement>('lineage-id'), 'the lineage');
  await perform({ verb: 'lineage', id: node.id });
}));
$('common').addEventListener('click', () => void guarded(async () => {
  const ids = cy.nodes(':selected').map((n) => n.id());
  if (ids.length >= 2) await perform({ verb: 'common', ids });
}));
$('clear-selection').addEventListener('click', () => void cy.nodes().unselect());
$('undo').addEventListener('click', () => doUndo());
$('fit').addEventListener('click', () => void cy.fit(cy.elements().not('.hidden'), 40));
document.addEventListener('keydown', (event) => {
  const typing = (event.target as HTMLElement).closest('input, select, textarea');
  if (!typing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
    event.preventDefault();
    doUndo();
  }
});

function doUndo(): void {
  if (!undo(app)) return status('Nothing to undo.');
  const visibility = refresh(app);
  status(`Undone. ${describeView(app, visibility)}`);
}

$('types').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const t = input.dataset['type']!;
  app.view.hidden = input.checked ? app.view.hidden.filter((h) => h !== t) : [...app.view.hidden, t];
  const visibility = refresh(app);
  void guarded(async () => {
    await relayout(app);
    status(describeView(app, visibility));
  });
});
for (const tab of ['details', 'table', 'common'] as const) $(`tab-${tab}`).addEventListener('click', () => showTab(app, tab));
$('pane-table').addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const open = target.closest('button')?.dataset['open'];
  if (open) return void guarded(async () => void (await perform({ verb: 'open', id: open, depth: 1 })));
  const row = target.closest('tr')?.dataset['edge'];
  if (!row) return;
  const edge = cy.getElementById(row);
  cy.elements().unselect();
  edge.select();
  cy.animate({ center: { eles: edge }, duration: 200 });
  showEdge(app, edge);
});
$('pane-details').addEventListener('click', (event) => {
  const action = (event.target as HTMLElement).closest('button')?.dataset['act'] as NodeAction | undefined;
  const id = $('pane-details').dataset['id'];
  if (action && id) act(action, id);
});
$('pane-common').addEventListener('click', (event) => {
  const id = (event.target as HTMLElement).closest('li[data-id]')?.getAttribute('data-id');
  if (id) cy.animate({ center: { eles: cy.getElementById(id) }, duration: 200 });
});

function download(name: string, blob: Blob): void {
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
}
$('png').addEventListener('click', () => void guarded(async () => download('graph.png', await cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 }))));
$('svg').addEventListener('click', () => {
  const svg = (cy as unknown as { svg(options: object): string }).svg({ full: true, bg: '#ffffff' });
  download('graph.svg', new Blob([svg], { type: 'image/svg+xml' }));
});

/** Draws the view the URL describes (a shared link, or a reload). */
async function restore(): Promise<void> {
  const { view, ignored } = parseView(location.search);
  app.view.hidden = view.hidden;
  const failed: string[] = [];
  for (const step of view.steps) {
    app.view.steps.push(step);
    try {
      const result = await runStep(app, step);
      if (replacesView(step)) renderCommon(result.common ?? null);
    } catch (err) {
      app.view.steps.pop();
      failed.push(`${step.verb} (${(err as Error).message})`);
    }
  }
  forget();
  if (view.asOf) await setAsOf(app, view.asOf);
  const visibility = refresh(app);
  showTab(app, view.tab);
  const inspected = view.inspected ? cy.getElementById(view.inspected) : null;
  if (inspected?.isEdge()) showEdge(app, inspected);
  else if (view.inspected) await showNode(app, view.inspected).then(() => showTab(app, view.tab));
  const note =
    (ignored.length ? ` Could not read from the address: ${ignored.join(', ')}.` : '') + (failed.length ? ` Could not draw: ${failed.join('; ')}.` : '');
  if (view.steps.length || note) status(`${describeView(app, visibility)}${note}`, note ? 'error' : 'info');
}

renderLegend();
renderCommon(null);
renderTable(app);
updateToolbar();
void guarded(async () => {
  try {
    app.dates = await loadDates();
  } catch (err) {
    fail(err);
  }
  initAsOf(app, (fn) => void guarded(async () => void (await fn())));
  await restore();
}).finally(() => {
  window.explorer.ready = true;
});

/**
 * The explorer's shared state: the picture, the view's recipe (kept in the URL), the API's answer for the
 * "as of" date, and the one place that decides what is shown (visibility.ts) and tells the panels.
 */
import type { Core } from 'cytoscape';
import type { AsOfAnswer, Visibility } from './visibility.js';
import { visibleElements } from './visibility.js';
import { anchorsOf, serialiseView, type ViewState } from './view-state.js';

export interface DataDates {
  /** Every dated event's date, in the timeline's order (oldest first). */
  values: string[];
  firstYear: number;
  lastYear: number;
  /** Entities the timeline gives a beginning (established, adopted, introduced). */
  hasBeginning: Set<string>;
}

export interface App {
  cy: Core;
  view: ViewState;
  /** The API's answer for view.asOf (null without a date). */
  answer: AsOfAnswer | null;
  dates: DataDates | null;
  /** Called after every change of what is shown (panels, table, legend of the view). */
  listeners: ((app: App, visibility: Visibility) => void)[];
}

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

export const esc = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A message in the status line; errors are announced (role=alert) and coloured. */
export function status(text: string, kind: 'info' | 'error' = 'info'): void {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', kind === 'error');
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** Writes the view into the URL (replacing the entry: reloading shows the same view). */
export function saveUrl(app: App): void {
  const query = serialiseView(app.view);
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
}

/** Decides what is shown (the API's answer for the date, hidden types, connected to the anchors) and tells the panels. */
export function refresh(app: App): Visibility {
  const { cy } = app;
  const anchors = [...anchorsOf(app.view.steps), ...cy.nodes('[?pinned]').map((n) => n.id())];
  const visibility = visibleElements(
    cy.nodes().map((n) => ({ id: n.id(), type: n.data('type') as string })),
    cy.edges().map((e) => ({
      id: e.id(),
      source: e.data('source') as string,
      target: e.data('target') as string,
      type: e.data('type') as string,
      agreementKey: e.data('agreementKey') as string | null,
    })),
    { answer: app.view.asOf ? app.answer : null, hasBeginning: app.dates?.hasBeginning ?? new Set(), hiddenTypes: new Set(app.view.hidden), anchors },
  );
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('hidden', !visibility.nodes.has(n.id()));
      n.toggleClass('anchor', anchors.includes(n.id()));
    });
    cy.edges().forEach((e) => void e.toggleClass('hidden', !visibility.edges.has(e.id())));
  });
  cy.elements('.hidden:selected').unselect();
  for (const listener of app.listeners) listener(app, visibility);
  saveUrl(app);
  return visibility;
}

/** "12 nodes, 15 edges", with what the date or the filters leave out. */
export function describeView(app: App, visibility: Visibility): string {
  const { cy } = app;
  const shown = `${visibility.nodes.size} nodes, ${visibility.edges.size} edges`;
  const all = `${cy.nodes().length} nodes, ${cy.edges().length} edges`;
  const date = app.view.asOf && app.answer ? ` as of ${app.answer.date.value}` : '';
  if (shown === all) return `${shown}${date}.`;
  const absent = visibility.absentAnchors.map((id) => cy.getElementById(id).data('name') as string);
  const why = absent.length ? ` ${absent.join(', ')} did not exist then.` : '';
  return `${shown}${date} (of ${all} drawn).${why}`;
}

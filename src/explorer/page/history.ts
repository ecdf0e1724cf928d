/**
 * Undo: before each step the picture (elements with their positions), the recipe and the camera are kept;
 * undo puts the last of them back exactly, without asking the API again.
 */
import type { ElementDefinition } from 'cytoscape';
import type { App } from './app.js';
import type { Step } from './view-state.js';

interface Snapshot {
  elements: ElementDefinition[];
  steps: Step[];
  zoom: number;
  pan: { x: number; y: number };
}

const LIMIT = 50;
const snapshots: Snapshot[] = [];

/** Keeps the view as it is now, to come back to with undo. */
export function remember(app: App): void {
  const { cy } = app;
  snapshots.push({
    elements: cy.elements().map((e) => ({ group: e.group(), data: { ...e.data() }, position: e.isNode() ? { ...e.position() } : undefined, classes: e.classes().filter((c) => c !== 'hidden') }) as ElementDefinition),
    steps: [...app.view.steps],
    zoom: cy.zoom(),
    pan: { ...cy.pan() },
  });
  if (snapshots.length > LIMIT) snapshots.shift();
}

export const canUndo = (): boolean => snapshots.length > 0;

/** Puts back the view kept last; false when there is nothing to undo. */
export function undo(app: App): boolean {
  const last = snapshots.pop();
  if (!last) return false;
  const { cy } = app;
  cy.batch(() => {
    cy.elements().remove();
    cy.add(last.elements);
  });
  cy.viewport({ zoom: last.zoom, pan: last.pan });
  app.view.steps = last.steps;
  return true;
}

/** Forgets what came before (a view read from a URL starts a new history). */
export function forget(): void {
  snapshots.length = 0;
}

/**
 * The mouse: a node's full name (and an agreement's name and date) on hover, and a context menu on a node
 * (right-click) with inspect, expand, collapse, dismiss and select.
 */
import type { Core, EventObject } from 'cytoscape';
import { $, esc } from './app.js';

export type NodeAction = 'inspect' | 'expand' | 'collapse' | 'dismiss' | 'select';

export function attachTooltip(cy: Core): void {
  const tip = $('tooltip');
  const show = (event: EventObject, html: string) => {
    tip.innerHTML = html;
    tip.hidden = false;
    const box = $('cy').getBoundingClientRect();
    const at = event.renderedPosition;
    tip.style.left = `${box.left + at.x + 14}px`;
    tip.style.top = `${box.top + at.y + 14}px`;
  };
  cy.on('mouseover', 'node', (event) => {
    const n = event.target;
    show(event, `<b>${esc(n.data('name'))}</b><br><small>${esc(n.data('type'))} · ${esc(n.id())}</small>`);
  });
  cy.on('mouseover', 'edge', (event) => {
    const e = event.target;
    const p = e.data('properties') ?? {};
    const text = e.data('type') === 'AGREEMENT' ? `<b>${esc(p.name)}</b><br><small>${esc(p.kind)}, enacted ${esc(p.enacted ?? 'undated')}</small>` : `<b>${esc(e.data('label'))}</b>`;
    show(event, text);
  });
  cy.on('mouseout', 'node, edge', () => {
    tip.hidden = true;
  });
  cy.on('viewport', () => {
    tip.hidden = true;
  });
}

export function attachContextMenu(cy: Core, act: (action: NodeAction, id: string) => void): void {
  const menu = $('menu');
  const close = () => {
    menu.hidden = true;
  };
  cy.on('cxttap', 'node', (event) => {
    const n = event.target;
    menu.dataset['id'] = n.id();
    $('menu-title').textContent = n.data('name');
    const box = $('cy').getBoundingClientRect();
    menu.style.left = `${box.left + event.renderedPosition.x}px`;
    menu.style.top = `${box.top + event.renderedPosition.y}px`;
    menu.hidden = false;
    menu.querySelector('button')?.focus();
  });
  menu.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset['act'] as NodeAction | undefined;
    const id = menu.dataset['id'];
    close();
    if (action && id) act(action, id);
  });
  cy.on('tap', close);
  cy.on('viewport', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
}

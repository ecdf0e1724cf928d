/**
 * Beside the picture: the details of what was clicked (dates at their precision, provenance, readings), the
 * agreements of the view as a table (partner, kind, since), and the common ground of a selection as a list.
 */
import type { EdgeSingular } from 'cytoscape';
import type { CommonList } from './actions.js';
import { gql } from './api.js';
import { $, esc, saveUrl, type App } from './app.js';
import type { ApiProvenance } from './graph.js';
import { kindText } from './labels.js';

type Tab = App['view']['tab'];

export function showTab(app: App, tab: Tab): void {
  app.view.tab = tab;
  for (const t of ['details', 'table', 'common'] as const) {
    $(`tab-${t}`).setAttribute('aria-selected', String(t === tab));
    $(`pane-${t}`).hidden = t !== tab;
  }
  saveUrl(app);
}

const dateText = (d: { value: string; precision: string; earliest: string; latest: string }) =>
  `${d.value} (${d.precision.toLowerCase()}: ${d.earliest} to ${d.latest})`;

function provenanceHtml(p: ApiProvenance | null | undefined): string {
  if (!p) return '';
  return (
    `<dt>Provenance</dt><dd>section ${esc(p.section)}${p.quote ? `\n“${esc(p.quote)}”` : ''}</dd>` +
    (p.inferred ? `<dd class="inferred" data-testid="reading"><b>A reading, not a statement:</b> ${esc(p.reading ?? '')}</dd>` : '<dd>Stated by the source.</dd>')
  );
}

const ACTIONS = '<p class="actions"><button type="button" data-act="expand">Expand</button><button type="button" data-act="collapse">Collapse</button><button type="button" data-act="dismiss">Dismiss</button><button type="button" data-act="select">Select</button></p>';

/** The details of a node, from the API (ExplorerDetails). */
export async function showNode(app: App, id: string): Promise<void> {
  app.view.inspected = id;
  const { node } = await gql<{ node: (Record<string, unknown> & { __typename: string; id: string; name: string; provenance?: ApiProvenance }) | null }>('ExplorerDetails', { id });
  if (!node) {
    $('pane-details').innerHTML = `<p>No node has the id ${esc(id)}.</p>`;
    return;
  }
  const rows = Object.entries(node)
    .filter(([k, v]) => !['__typename', 'provenance', 'id', 'name'].includes(k) && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      const value = v && typeof v === 'object' && 'value' in v ? dateText(v as never) : Array.isArray(v) ? v.join('; ') : v;
      return `<dt>${esc(k.replace(/^[a-z]+Kind$/, 'kind'))}</dt><dd>${esc(value)}</dd>`;
    });
  $('pane-details').innerHTML =
    `<h2>${esc(node.__typename)}</h2><h3 data-testid="title">${esc(node.name)}</h3>${app.cy.getElementById(id).nonempty() ? ACTIONS : ''}` +
    `<dl><dt>id</dt><dd>${esc(node.id)}</dd>${rows.join('')}${provenanceHtml(node.provenance)}</dl>`;
  $('pane-details').dataset['id'] = id;
  showTab(app, 'details');
}

/** The details of an edge, from what the picture holds. */
export function showEdge(app: App, e: EdgeSingular): void {
  app.view.inspected = e.id();
  const name = (id: string) => esc(app.cy.getElementById(id).data('name') ?? id);
  const props = Object.entries((e.data('properties') as Record<string, unknown>) ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(Array.isArray(v) ? v.join('; ') : v)}</dd>`);
  const title = e.data('type') === 'AGREEMENT' ? `${esc(e.data('properties').name)} <small>(${esc(e.data('label'))})</small>` : esc(e.data('type'));
  $('pane-details').innerHTML =
    `<h2>Relationship</h2><h3 data-testid="title">${title}</h3><dl><dt>from</dt><dd>${name(e.data('source'))}</dd><dt>to</dt><dd>${name(e.data('target'))}</dd>` +
    `${props.join('')}${provenanceHtml(e.data('provenance'))}</dl>`;
  delete $('pane-details').dataset['id'];
  showTab(app, 'details');
}

interface AgreementRow {
  edge: string;
  partner: string;
  party: string;
  kind: string;
  since: string;
  name: string;
}

/** The agreements shown in the picture, one row per partner and agreement, by partner then date. */
export function agreementRows(app: App): AgreementRow[] {
  const name = (id: string) => (app.cy.getElementById(id).data('name') as string) ?? id;
  return app.cy
    .edges('[type = "AGREEMENT"]')
    .not('.hidden')
    .map((e) => {
      const p = e.data('properties') as Record<string, string | undefined>;
      return { edge: e.id(), partner: name(e.data('target')), party: name(e.data('source')), kind: p['kind'] ?? '', since: p['enacted'] ?? '', name: p['name'] ?? '' };
    })
    .sort((a, b) => a.partner.localeCompare(b.partner) || (a.since || '9999').localeCompare(b.since || '9999'));
}

export function renderTable(app: App): void {
  const rows = agreementRows(app);
  const partners = new Set(rows.map((r) => r.partner)).size;
  const date = app.view.asOf && app.answer ? `, in force as of ${esc(app.answer.date.value)}` : '';
  $('pane-table').innerHTML = rows.length
    ? `<p data-testid="table-summary">${rows.length} agreement(s) with ${partners} partner(s)${date}.</p>` +
      '<table class="agreements"><thead><tr><th>Partner</th><th>Kind</th><th>Since</th><th>Agreement</th></tr></thead><tbody>' +
      rows
        .map(
          (r) =>
            `<tr data-edge="${esc(r.edge)}"><td>${esc(r.partner)}</td><td><span class="kind kind-${esc(r.kind)}" title="${esc(r.kind)}">${esc(kindText(r.kind))}</span></td>` +
            `<td>${esc(r.since || 'undated')}</td><td>${esc(r.name)}${r.party === 'Japan' ? '' : ` <small>(${esc(r.party)})</small>`}</td></tr>`,
        )
        .join('') +
      '</tbody></table>'
    : '<p>No agreement in this view. <button type="button" data-open="country:japan">Open Japan</button> to see all of them.</p>';
}

/** What the selected nodes share: each shared node and how it is linked to each of them. */
export function renderCommon(common: CommonList | null): void {
  if (!common) {
    $('pane-common').innerHTML = '<p>Select two or more nodes (Ctrl- or Shift-click), then “Common ground”.</p>';
    return;
  }
  $('pane-common').innerHTML =
    `<p data-testid="common-summary">${esc(common.summary)}</p><ol>` +
    common.items.map((c) => `<li data-id="${esc(c.id)}"><b>${esc(c.name)}</b><ul>${c.how.map((h) => `<li>${esc(h)}</li>`).join('')}</ul></li>`).join('') +
    '</ol>';
}

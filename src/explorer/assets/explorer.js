/* The graph explorer (/explore): plain browser script over cytoscape; talks to /graphql only, with the
   explorer's trusted operations (fetched from /explore/operations.json). */
'use strict';
(function () {
  const STYLE = {
    Office: ['#4e79a7', 'ellipse'], Organisation: ['#59a14f', 'round-rectangle'], Meeting: ['#f28e2b', 'diamond'],
    Plan: ['#b07aa1', 'rectangle'], Country: ['#76b7b2', 'hexagon'], Capability: ['#9c755f', 'triangle'],
    Indicator: ['#e15759', 'star'], MeasureCategory: ['#bab0ac', 'tag'],
  };
  const $ = (id) => document.getElementById(id);
  const state = { operations: null, hiddenTypes: new Set(), lastExport: null };
  const status = (text) => { $('status').textContent = text; };
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  const cy = cytoscape({
    container: $('cy'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': 120, 'text-valign': 'bottom',
        'background-color': (n) => (STYLE[n.data('type')] || ['#999'])[0], shape: (n) => (STYLE[n.data('type')] || ['', 'ellipse'])[1] } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#222' } },
      { selector: 'edge', style: { label: 'data(type)', 'font-size': 7, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#aaa', 'target-arrow-color': '#aaa' } },
      { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-color': '#d4a017', 'target-arrow-color': '#d4a017' } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
  window.explorer = { cy, state };

  $('legend').innerHTML = Object.entries(STYLE).map(([t, [c, s]]) => `<div><span style="background:${c}"></span>${t} (${s})</div>`).join('') +
    '<div><span style="background:#d4a017"></span>dashed edge: a reading (inferred)</div>';

  async function gql(name, variables) {
    state.operations = state.operations || (await (await fetch('/explore/operations.json')).json());
    const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: state.operations[name], operationName: name, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  }

  const nodeData = (n) => ({ id: n.id, label: n.name, type: n.__typename,
    from: (n.established || n.adopted || {}).value || null, until: (n.dissolved || {}).value || null });
  const edgeData = (r) => ({ id: r.id, source: r.startId, target: r.endId, type: r.type, properties: r.properties || {},
    provenance: r.provenance, inferred: Boolean(r.provenance && r.provenance.inferred),
    from: (r.properties || {}).from || (r.properties || {}).on || null, until: (r.properties || {}).until || null });

  function add(nodes, edges) {
    for (const n of nodes) if (cy.getElementById(n.id).empty()) cy.add({ group: 'nodes', data: nodeData(n) });
    for (const r of edges) {
      if (cy.getElementById(r.id).empty() && !cy.getElementById(r.startId).empty() && !cy.getElementById(r.endId).empty()) cy.add({ group: 'edges', data: edgeData(r) });
    }
    refreshTypes();
    applyFilters();
  }

  function layout(name, options) {
    cy.layout(Object.assign({ name, animate: false, fit: true, padding: 30 }, options || {})).run();
  }

  async function neighbourhood(id, replace) {
    status(`Loading the neighbourhood of ${id}…`);
    const data = await gql('ExplorerNeighbourhood', { id, depth: Number($('depth').value) });
    if (replace) cy.elements().remove();
    add(data.neighbourhood.nodes.map((n) => n.node), data.neighbourhood.relationships);
    layout('cose', { randomize: false, nodeRepulsion: 9000 });
    status(`${cy.nodes().length} nodes, ${cy.edges().length} edges${data.neighbourhood.truncated ? ' (cut at the limit)' : ''}.`);
  }

  async function paths() {
    const from = $('from').value.trim(); const to = $('to').value.trim();
    status(`Finding the shortest paths from ${from} to ${to}…`);
    const data = await gql('ExplorerPath', { from, to });
    cy.elements().remove();
    for (const p of data.shortestPath.paths) add(p.nodes, p.relationships);
    layout('breadthfirst', { directed: false, roots: cy.getElementById(from) });
    status(`${data.shortestPath.paths.length} shortest path(s).`);
  }

  async function lineage() {
    const id = $('lineage-id').value.trim();
    status(`Drawing the lineage of ${id}…`);
    const data = await gql('ExplorerLineage', { id });
    cy.elements().remove();
    const steps = data.lineage.steps;
    steps.forEach((s, i) => cy.add({ group: 'nodes', data: nodeData(s.node), position: { x: i * 220, y: 0 } }));
    steps.forEach((s, i) => {
      if (i === 0) return;
      cy.add({ group: 'edges', data: { id: `lineage:${steps[i - 1].node.id}>${s.node.id}`, source: steps[i - 1].node.id, target: s.node.id, type: 'SUPERSEDED BY',
        properties: { on: s.supersededOn && s.supersededOn.value }, provenance: s.provenance, inferred: Boolean(s.provenance && s.provenance.inferred),
        from: s.supersededOn && s.supersededOn.value } });
    });
    refreshTypes();
    applyFilters();
    layout('preset');
    status(`Lineage: ${steps.length} step(s), oldest on the left.`);
  }

  function refreshTypes() {
    const types = [...new Set(cy.edges().map((e) => e.data('type')))].sort();
    $('types').innerHTML = types.map((t) => `<label><input type="checkbox" data-type="${esc(t)}" ${state.hiddenTypes.has(t) ? '' : 'checked'}> ${esc(t)}</label><br>`).join('');
  }

  /** Hidden: edges of unticked types; with an as-of date, what began after it or ended before it. */
  function applyFilters() {
    const asOf = $('as-of').value.trim();
    const valid = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(asOf);
    const out = (el) => valid && ((el.data('from') && el.data('from').slice(0, asOf.length) > asOf.slice(0, el.data('from').length)) ||
      (el.data('until') && el.data('until').slice(0, asOf.length) < asOf.slice(0, el.data('until').length)));
    cy.nodes().forEach((n) => n.toggleClass('hidden', Boolean(out(n))));
    cy.edges().forEach((e) => e.toggleClass('hidden', state.hiddenTypes.has(e.data('type')) || Boolean(out(e))));
  }

  const dateText = (d) => (d ? `${d.value} (${d.precision.toLowerCase()}: ${d.earliest} to ${d.latest})` : null);
  function provenanceHtml(p) {
    if (!p) return '';
    return `<dt>Provenance</dt><dd>section ${esc(p.section)}${p.quote ? `\n“${esc(p.quote)}”` : ''}</dd>` +
      (p.inferred ? `<dd class="inferred" data-testid="reading"><b>A reading, not a statement:</b> ${esc(p.reading || '')}</dd>` : '<dd>Stated by the source.</dd>');
  }

  async function showNode(id) {
    const { node } = await gql('ExplorerDetails', { id });
    const rows = Object.entries(node).filter(([k, v]) => !['__typename', 'provenance', 'id', 'name'].includes(k) && v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `<dt>${esc(k.replace(/^[a-z]+Kind$/, 'kind'))}</dt><dd>${esc(v && v.value ? dateText(v) : Array.isArray(v) ? v.join('; ') : v)}</dd>`);
    $('panel').innerHTML = `<h2>${esc(node.__typename)}</h2><h3 data-testid="title">${esc(node.name)}</h3><dl><dt>id</dt><dd>${esc(node.id)}</dd>${rows.join('')}${provenanceHtml(node.provenance)}</dl>`;
  }

  function showEdge(e) {
    const props = Object.entries(e.data('properties') || {}).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(Array.isArray(v) ? v.join('; ') : v)}</dd>`);
    $('panel').innerHTML = `<h2>Relationship</h2><h3 data-testid="title">${esc(e.data('type'))}</h3><dl><dt>from</dt><dd>${esc(e.data('source'))}</dd><dt>to</dt><dd>${esc(e.data('target'))}</dd>${props.join('')}${provenanceHtml(e.data('provenance'))}</dl>`;
  }

  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    state.lastExport = { name, size: blob.size };
  }

  const guard = (fn) => (...args) => Promise.resolve(fn(...args)).catch((err) => status(`Error: ${err.message}`));

  $('search-form').addEventListener('submit', guard(async (event) => {
    event.preventDefault();
    const data = await gql('ExplorerSearch', { text: $('search').value });
    $('results').innerHTML = data.search.map((h) => `<button type="button" data-id="${esc(h.node.id)}">${esc(h.node.name)} <small>(${esc(h.node.__typename)})</small></button>`).join('') || 'No match.';
  }));
  $('results').addEventListener('click', guard(async (event) => {
    const id = event.target.closest('button') && event.target.closest('button').dataset.id;
    if (!id) return;
    await neighbourhood(id, true);
    cy.getElementById(id).select();
    $('lineage-id').value = id;
    await showNode(id);
  }));
  cy.on('tap', 'node', guard(async (event) => {
    const id = event.target.id();
    $('lineage-id').value = id;
    await showNode(id);
    await neighbourhood(id, false);
  }));
  cy.on('tap', 'edge', (event) => showEdge(event.target));
  $('path').addEventListener('click', guard(paths));
  $('lineage').addEventListener('click', guard(lineage));
  $('types').addEventListener('change', (event) => {
    const t = event.target.dataset.type;
    if (event.target.checked) state.hiddenTypes.delete(t); else state.hiddenTypes.add(t);
    applyFilters();
  });
  $('as-of').addEventListener('input', applyFilters);
  $('png').addEventListener('click', guard(async () => download('graph.png', await cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 }))));
  $('svg').addEventListener('click', () => download('graph.svg', new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' })));
})();

/**
 * Graph files for Gephi, yEd and Cytoscape desktop: GraphML (http://graphml.graphdrawing.org/) and GEXF 1.2
 * (https://gexf.net/; 1.2draft, the version Gephi, NetworkX and JGraphT all read: NetworkX reads no 1.3). Both
 * validate against their published schemas (tests/analytics/graph-files.test.ts). Every node and edge keeps its type, its properties (the type's own ones as JSON, the
 * common ones as their own attributes) and its provenance (section, quote, inferred, reading). Written as text
 * with every attribute value and text node escaped.
 */
import type { EntityRecord, RelationshipRecord } from '../repositories/records.js';
import { LimitedText } from './limited-text.js';

export interface GraphFile {
  title: string;
  nodes: EntityRecord[];
  edges: { rel: RelationshipRecord; startKey: string; endKey: string }[];
}

type Attr = { id: string; type: 'string' | 'boolean' };
const NODE_ATTRS: Attr[] = [
  { id: 'type', type: 'string' }, { id: 'name', type: 'string' }, { id: 'kind', type: 'string' }, { id: 'aliases', type: 'string' },
  { id: 'dataset', type: 'string' }, { id: 'section', type: 'string' }, { id: 'quote', type: 'string' },
  { id: 'inferred', type: 'boolean' }, { id: 'reading', type: 'string' }, { id: 'properties', type: 'string' },
];
const EDGE_ATTRS: Attr[] = [
  { id: 'type', type: 'string' }, { id: 'dataset', type: 'string' }, { id: 'section', type: 'string' }, { id: 'quote', type: 'string' },
  { id: 'inferred', type: 'boolean' }, { id: 'reading', type: 'string' }, { id: 'properties', type: 'string' },
];
/** Stored on every record by the loader: shown as their own attributes or left out, never in `properties`. */
const META = new Set(['key', 'labels', 'type', 'name', 'kind', 'aliases', 'aliasesText', 'dataset', 'sourceSection', 'sourceQuote', 'inferred', 'reading', 'contentHash']);

/** XML-escapes text for an attribute value or a text node; drops characters XML 1.0 cannot hold. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function own(record: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([k]) => !META.has(k))));
}

function nodeValues(n: EntityRecord): Record<string, string | boolean | null> {
  const type = n.labels.find((l) => l !== 'Entity' && l !== 'Minister') ?? 'Entity';
  return {
    type, name: n.name, kind: typeof n['kind'] === 'string' ? n['kind'] : null, aliases: (n.aliases ?? []).join('; ') || null,
    dataset: n.dataset, section: n.sourceSection, quote: n.sourceQuote ?? null, inferred: n['inferred'] === true,
    reading: typeof n['reading'] === 'string' ? n['reading'] : null, properties: own(n),
  };
}

function edgeValues(r: RelationshipRecord): Record<string, string | boolean | null> {
  return {
    type: r.type, dataset: r.dataset, section: r.sourceSection, quote: r.sourceQuote ?? null, inferred: r['inferred'] === true,
    reading: typeof r['reading'] === 'string' ? r['reading'] : null, properties: own(r),
  };
}

/** The GraphML text; writing stops with the MAX_RESULT_BYTES error past `maxBytes` (limited-text.ts). */
export function toGraphml(g: GraphFile, maxBytes = Infinity): string {
  const out = new LimitedText(maxBytes, '\n', [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ]);
  for (const a of NODE_ATTRS) out.push(`  <key id="n_${a.id}" for="node" attr.name="${a.id}" attr.type="${a.type}"/>`);
  for (const a of EDGE_ATTRS) out.push(`  <key id="e_${a.id}" for="edge" attr.name="${a.id}" attr.type="${a.type}"/>`);
  out.push(`  <graph id="G" edgedefault="directed">`, `    <desc>${xml(g.title)}</desc>`);
  const data = (prefix: string, values: Record<string, string | boolean | null>) =>
    Object.entries(values)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `      <data key="${prefix}_${k}">${xml(String(v))}</data>`);
  for (const n of g.nodes) out.push(`    <node id="${xml(n.key)}">`, ...data('n', nodeValues(n)), '    </node>');
  for (const e of g.edges) {
    out.push(`    <edge id="${xml(e.rel.key)}" source="${xml(e.startKey)}" target="${xml(e.endKey)}">`, ...data('e', edgeValues(e.rel)), '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join();
}

/** The GEXF text; writing stops with the MAX_RESULT_BYTES error past `maxBytes` (limited-text.ts). */
export function toGexf(g: GraphFile, maxBytes = Infinity): string {
  const out = new LimitedText(maxBytes, '\n', [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    `  <meta><creator>border-graph-api</creator><description>${xml(g.title)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
  ]);
  const attributes = (cls: string, attrs: Attr[]) => [
    `    <attributes class="${cls}">`,
    ...attrs.map((a, i) => `      <attribute id="${i}" title="${a.id}" type="${a.type}"/>`),
    '    </attributes>',
  ];
  const values = (attrs: Attr[], v: Record<string, string | boolean | null>) => [
    '        <attvalues>',
    ...attrs.flatMap((a, i) => (v[a.id] === null || v[a.id] === undefined ? [] : [`          <attvalue for="${i}" value="${xml(String(v[a.id]))}"/>`])),
    '        </attvalues>',
  ];
  out.push(...attributes('node', NODE_ATTRS), ...attributes('edge', EDGE_ATTRS), '    <nodes>');
  for (const n of g.nodes) out.push(`      <node id="${xml(n.key)}" label="${xml(n.name)}">`, ...values(NODE_ATTRS, nodeValues(n)), '      </node>');
  out.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    out.push(
      `      <edge id="${xml(e.rel.key)}" source="${xml(e.startKey)}" target="${xml(e.endKey)}" label="${xml(e.rel.type)}">`,
      ...values(EDGE_ATTRS, edgeValues(e.rel)),
      '      </edge>',
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join();
}

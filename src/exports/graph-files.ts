/**
 * Graph files for Gephi, yEd, Cytoscape desktop and NetworkX: GraphML (http://graphml.graphdrawing.org/) and GEXF
 * 1.2 (https://gexf.net/; 1.2draft, the version Gephi, NetworkX and JGraphT all read: NetworkX reads no 1.3). Both
 * validate against their published schemas (tests/analytics/graph-files.test.ts).
 *
 * - Names: GraphML declares a `label` key (the node's name, the edge's type), which Gephi and yEd's properties
 *   mapper show as the label and NetworkX reads as the `label` attribute; GEXF has its own `label`.
 * - Properties: each of its own attribute, typed from the values (`long`/`double`/`boolean`/`string`). Neither
 *   format has a date type, so a date keeps the source's precision as ISO 8601 text (`1997-01`) and comes with
 *   `<name>Year` as a number, for filters, sorting and colouring.
 * - Time (GEXF): the graph is dynamic (`timeformat="date"`); a node exists from its principal date (established,
 *   adopted, first convened, introduced) to the day before `dissolved`, an edge from its `from`, `on` or `enacted`
 *   to the day before its `until`, an observation through its year. That is the API's "in force on" rule
 *   (src/services/time.ts): started on or before the day, not ended by it; an unknown start or end is left open.
 *   Gephi's timeline replays the history from these spans.
 * - Provenance on every node and edge (dataset, section, quote, inferred, reading). Text is escaped.
 */
import { openingDateOf } from '../domain/vocabulary.js';
import type { EntityRecord, RelationshipRecord } from '../repositories/records.js';
import { tryParsePartialDate } from '../services/dates.js';
import { LimitedText } from './limited-text.js';

export interface GraphFile {
  title: string;
  nodes: EntityRecord[];
  edges: { rel: RelationshipRecord; startKey: string; endKey: string }[];
}

type AttrType = 'string' | 'boolean' | 'long' | 'double';
type Attr = { id: string; type: AttrType };
type Value = string | number | boolean | null;
type Values = Record<string, Value>;

const COMMON_NODE: Attr[] = [
  { id: 'label', type: 'string' }, { id: 'type', type: 'string' }, { id: 'kind', type: 'string' }, { id: 'aliases', type: 'string' },
];
const COMMON_EDGE: Attr[] = [{ id: 'label', type: 'string' }, { id: 'type', type: 'string' }];
const PROVENANCE: Attr[] = [
  { id: 'dataset', type: 'string' }, { id: 'section', type: 'string' }, { id: 'quote', type: 'string' },
  { id: 'inferred', type: 'boolean' }, { id: 'reading', type: 'string' },
];
/** Stored on every record by the loader: shown as the attributes above or left out, never as a property of its own. */
const META = new Set(['key', 'labels', 'type', 'name', 'kind', 'aliases', 'aliasesText', 'searchText', 'searchKeys', 'existsFrom', 'existsUntil', 'dataset', 'sourceSection', 'sourceQuote', 'inferred', 'reading', 'contentHash']);
/** The stored labels that are not a node's type. */
const TECHNICAL_LABELS = new Set(['Entity', 'Minister']);

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

const isDate = (v: unknown): v is string => typeof v === 'string' && tryParsePartialDate(v) !== null;

/** The record's own properties (not the loader's bookkeeping), lists as `a; b` text. */
function ownProperties(record: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(record)) {
    if (META.has(k) || v === null || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : (v as Value);
  }
  return out;
}

/**
 * The attributes the properties of these records need, typed from every value they hold: a property that is a
 * date in every record that has it is text plus a `<name>Year` number.
 */
function propertyAttrs(records: Record<string, Value>[]): { attrs: Attr[]; dates: Set<string> } {
  const seen = new Map<string, Value[]>();
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      const values = seen.get(k);
      if (values) values.push(v);
      else seen.set(k, [v]);
    }
  }
  const attrs: Attr[] = [];
  const dates = new Set<string>();
  for (const [id, values] of [...seen.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (values.every((v) => typeof v === 'boolean')) attrs.push({ id, type: 'boolean' });
    else if (values.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) attrs.push({ id, type: 'long' });
    else if (values.every((v) => typeof v === 'number')) attrs.push({ id, type: 'double' });
    else if (values.every(isDate)) {
      dates.add(id);
      attrs.push({ id, type: 'string' }, { id: `${id}Year`, type: 'long' });
    } else attrs.push({ id, type: 'string' });
  }
  return { attrs, dates };
}

function withYears(props: Record<string, Value>, dates: Set<string>): Values {
  const out: Values = { ...props };
  for (const d of dates) if (typeof props[d] === 'string') out[`${d}Year`] = tryParsePartialDate(props[d])!.year;
  return out;
}

function provenance(r: EntityRecord | RelationshipRecord): Values {
  return {
    dataset: r.dataset, section: r.sourceSection, quote: r.sourceQuote ?? null, inferred: r['inferred'] === true,
    reading: typeof r['reading'] === 'string' ? r['reading'] : null,
  };
}

/** The day before a `YYYY-MM-DD` day. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** When a record exists, as GEXF's inclusive `start`/`end` days; either may be open (null). */
function spanOf(record: Record<string, unknown>, kind: 'node' | 'edge'): { start: string | null; end: string | null } {
  if (kind === 'node' && typeof record['year'] === 'number' && (record['labels'] as string[] | undefined)?.includes('Observation')) {
    return { start: `${record['year']}-01-01`, end: `${record['year']}-12-31` };
  }
  // The loaders store each entity's and agreement's life by the one "exists as of" rule (the vocabulary's lifeOf):
  // the same span stateAsOf answers.
  if (typeof record['existsFrom'] === 'string') {
    const until = record['existsUntil'];
    const start = record['existsFrom'];
    const end = typeof until === 'string' ? dayBefore(until) : null;
    return { start, end: end !== null && end < start ? start : end };
  }
  const from = kind === 'node' ? openingDateOf(record) : [record['from'], record['on'], record['enacted']].find(isDate);
  const until = record[kind === 'node' ? 'dissolved' : 'until'];
  const start = typeof from === 'string' ? (tryParsePartialDate(from)?.earliest ?? null) : null;
  const end = isDate(until) ? dayBefore(tryParsePartialDate(until)!.earliest) : null;
  // Ended in the period it started in (`2008-05` to `2008`): one day, never an end before the start.
  return { start, end: start !== null && end !== null && end < start ? start : end };
}

interface Prepared {
  nodeAttrs: Attr[];
  edgeAttrs: Attr[];
  nodes: { id: string; label: string; values: Values; record: EntityRecord }[];
  edges: { id: string; source: string; target: string; label: string; values: Values; record: RelationshipRecord }[];
}

function prepare(g: GraphFile): Prepared {
  const nodeProps = g.nodes.map(ownProperties);
  const edgeProps = g.edges.map((e) => ownProperties(e.rel));
  const n = propertyAttrs(nodeProps);
  const e = propertyAttrs(edgeProps);
  return {
    nodeAttrs: [...COMMON_NODE, ...PROVENANCE, ...n.attrs],
    edgeAttrs: [...COMMON_EDGE, ...PROVENANCE, ...e.attrs],
    nodes: g.nodes.map((r, i) => {
      const type = r.labels.find((l) => !TECHNICAL_LABELS.has(l)) ?? 'Entity';
      const values: Values = {
        label: r.name, type, kind: typeof r['kind'] === 'string' ? r['kind'] : null, aliases: (r.aliases ?? []).join('; ') || null,
        ...provenance(r), ...withYears(nodeProps[i]!, n.dates),
      };
      return { id: r.key, label: r.name, values, record: r };
    }),
    edges: g.edges.map((x, i) => ({
      id: x.rel.key, source: x.startKey, target: x.endKey, label: x.rel.type,
      values: { label: x.rel.type, type: x.rel.type, ...provenance(x.rel), ...withYears(edgeProps[i]!, e.dates) },
      record: x.rel,
    })),
  };
}

const present = (values: Values) => (a: Attr) => values[a.id] !== null && values[a.id] !== undefined;

/** The GraphML text; writing stops with the MAX_RESULT_BYTES error past `maxBytes` (limited-text.ts). */
export function toGraphml(g: GraphFile, maxBytes = Infinity): string {
  const p = prepare(g);
  const out = new LimitedText(maxBytes, '\n', [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ]);
  for (const a of p.nodeAttrs) out.push(`  <key id="n_${xml(a.id)}" for="node" attr.name="${xml(a.id)}" attr.type="${a.type}"/>`);
  for (const a of p.edgeAttrs) out.push(`  <key id="e_${xml(a.id)}" for="edge" attr.name="${xml(a.id)}" attr.type="${a.type}"/>`);
  out.push(`  <graph id="G" edgedefault="directed">`, `    <desc>${xml(g.title)}</desc>`);
  const data = (prefix: string, attrs: Attr[], values: Values) =>
    attrs.filter(present(values)).map((a) => `      <data key="${prefix}_${xml(a.id)}">${xml(String(values[a.id]))}</data>`);
  for (const n of p.nodes) out.push(`    <node id="${xml(n.id)}">`, ...data('n', p.nodeAttrs, n.values), '    </node>');
  for (const e of p.edges) {
    out.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`, ...data('e', p.edgeAttrs, e.values), '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join();
}

const GEXF_TYPE: Record<AttrType, string> = { string: 'string', boolean: 'boolean', long: 'long', double: 'double' };

/** The GEXF text; writing stops with the MAX_RESULT_BYTES error past `maxBytes` (limited-text.ts). */
export function toGexf(g: GraphFile, maxBytes = Infinity): string {
  const p = prepare(g);
  // The GEXF element carries its own label: the attributes repeat neither it nor the type of an edge's label.
  const nodeAttrs = p.nodeAttrs.filter((a) => a.id !== 'label');
  const edgeAttrs = p.edgeAttrs.filter((a) => a.id !== 'label');
  const out = new LimitedText(maxBytes, '\n', [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    `  <meta><creator>border-graph-api</creator><description>${xml(g.title)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
  ]);
  const attributes = (cls: string, attrs: Attr[]) => [
    `    <attributes class="${cls}" mode="static">`,
    ...attrs.map((a, i) => `      <attribute id="${i}" title="${xml(a.id)}" type="${GEXF_TYPE[a.type]}"/>`),
    '    </attributes>',
  ];
  const values = (attrs: Attr[], v: Values) => {
    const lines = attrs.flatMap((a, i) => (present(v)(a) ? [`          <attvalue for="${i}" value="${xml(String(v[a.id]))}"/>`] : []));
    return lines.length ? ['        <attvalues>', ...lines, '        </attvalues>'] : [];
  };
  const span = (record: Record<string, unknown>, kind: 'node' | 'edge') => {
    const { start, end } = spanOf(record, kind);
    return `${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}`;
  };
  out.push(...attributes('node', nodeAttrs), ...attributes('edge', edgeAttrs), '    <nodes>');
  for (const n of p.nodes) out.push(`      <node id="${xml(n.id)}" label="${xml(n.label)}"${span(n.record, 'node')}>`, ...values(nodeAttrs, n.values), '      </node>');
  out.push('    </nodes>', '    <edges>');
  for (const e of p.edges) {
    out.push(
      `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.label)}"${span(e.record, 'edge')}>`,
      ...values(edgeAttrs, e.values),
      '      </edge>',
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join();
}

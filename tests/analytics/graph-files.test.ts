/**
 * Graph files (GraphML, GEXF 1.2) of the whole dataset, a neighbourhood and a path set. Each file is validated
 * against its published XML schema with xmllint (libxml2 as WebAssembly: xmllint-wasm), the schemas being the
 * ones JGraphT ships to validate its imports (tests/fixtures/xsd/README.md); then read for what the schema
 * cannot say: every value refers to a declared key of its element kind, node ids are unique, every edge joins
 * two nodes of the file. Contents are checked against the seed files and the API.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { xml } from '../../src/exports/graph-files.js';
import { readDataset } from '../../src/seed/format.js';
import { MAIN_DATASET_DIR, MAIN_DATASET_ID } from '../seed/helpers.js';
import { useTestServer } from '../support/server.js';

// The shared test machine can be very busy: generous database and request deadlines (nothing here is timed).
const SLOW = { timeout: 240_000 };
const api = useTestServer({ QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' });

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attvalue', 'attributes'].includes(name),
});

const xsd = (name: string) => ({ fileName: name, contents: readFileSync(new URL(`../fixtures/xsd/${name}`, import.meta.url), 'utf8') });
const SCHEMAS = {
  graphml: { schema: xsd('graphml.xsd'), preload: [xsd('xlink.xsd')] },
  gexf: { schema: xsd('gexf.xsd'), preload: [xsd('viz.xsd')] },
};

/** The schema's verdict: [] when the file is valid, else libxml2's messages. */
export async function schemaErrors(text: string, format: keyof typeof SCHEMAS): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: `export.${format}`, contents: text }], ...SCHEMAS[format] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** The file's text, checked well-formed and valid against its schema. */
async function fileText(url: string, type: string): Promise<string> {
  const res = await fetch(`${api.origin}${url}`);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(200);
  expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
  expect(XMLValidator.validate(text)).toBe(true);
  expect(await schemaErrors(text, type.includes('graphml') ? 'graphml' : 'gexf'), url).toEqual([]);
  return text;
}

async function file(url: string, type: string): Promise<any> {
  return parser.parse(await fileText(url, type));
}

interface Graph {
  nodes: Map<string, Record<string, string>>;
  edges: Map<string, Record<string, string>>;
  /** GraphML: key id → attr.type. */
  types?: Map<string, string>;
}

const GRAPHML_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];

/** The structural rules of graphml.xsd this file relies on; the nodes and edges with their attribute values. */
function checkGraphml(doc: any): Required<Graph> {
  const root = doc.graphml;
  expect(root['@xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = new Map<string, string>();
  for (const k of root.key) {
    expect(['node', 'edge'], k['@id']).toContain(k['@for']);
    expect(GRAPHML_TYPES).toContain(k['@attr.type']);
    expect(keys.has(k['@id'])).toBe(false);
    keys.set(k['@id'], k['@for']);
  }
  const graph = root.graph;
  expect(['directed', 'undirected']).toContain(graph['@edgedefault']);
  const values = (el: any, kind: string) =>
    Object.fromEntries(
      (el.data ?? []).map((d: any) => {
        expect(keys.get(d['@key']), d['@key']).toBe(kind);
        return [String(d['@key']).slice(2), String(d['#text'] ?? '')];
      }),
    );
  const nodes = new Map<string, Record<string, string>>();
  for (const n of graph.node ?? []) {
    expect(nodes.has(n['@id']), n['@id']).toBe(false);
    nodes.set(n['@id'], values(n, 'node'));
  }
  const edges = new Map<string, Record<string, string>>();
  for (const e of graph.edge ?? []) {
    expect(nodes.has(e['@source']), e['@source']).toBe(true);
    expect(nodes.has(e['@target']), e['@target']).toBe(true);
    edges.set(e['@id'], { ...values(e, 'edge'), source: e['@source'], target: e['@target'] });
  }
  // The key Gephi and yEd show as the label (and NetworkX reads as `label`): every node's name, every edge's type.
  expect(root.key.find((k: any) => k['@for'] === 'node' && k['@attr.name'] === 'label')?.['@attr.type']).toBe('string');
  for (const [id, e] of edges) expect(e['label'], id).toBe(e['type']);
  const types = new Map<string, string>(root.key.map((k: any) => [k['@id'], k['@attr.type']]));
  return { nodes, edges, types };
}

/** The structural rules of the GEXF 1.2 schema this file relies on. */
function checkGexf(doc: any): Graph {
  const root = doc.gexf;
  expect(root['@xmlns']).toBe('http://www.gexf.net/1.2draft');
  expect(root['@version']).toBe('1.2');
  const graph = root.graph;
  expect(['directed', 'undirected', 'mutual']).toContain(graph['@defaultedgetype']);
  const declared: Record<string, Map<string, string>> = {};
  for (const block of graph.attributes) {
    expect(['node', 'edge']).toContain(block['@class']);
    declared[block['@class']] = new Map(
      block.attribute.map((a: any) => {
        expect(['integer', 'long', 'double', 'float', 'boolean', 'string', 'liststring', 'anyURI']).toContain(a['@type']);
        return [a['@id'], a['@title']];
      }),
    );
  }
  const values = (el: any, cls: string) =>
    Object.fromEntries(
      (el.attvalues?.attvalue ?? []).map((v: any) => {
        expect(declared[cls]!.has(v['@for']), v['@for']).toBe(true);
        return [declared[cls]!.get(v['@for']), String(v['@value'])];
      }),
    );
  // Dynamic: each node and edge carries the days it exists (start and end inclusive, either open).
  expect(graph['@mode']).toBe('dynamic');
  expect(graph['@timeformat']).toBe('date');
  const span = (el: any) => ({ ...(el['@start'] ? { start: el['@start'] } : {}), ...(el['@end'] ? { end: el['@end'] } : {}) });
  const nodes = new Map<string, Record<string, string>>();
  for (const n of graph.nodes.node ?? []) {
    expect(nodes.has(n['@id'])).toBe(false);
    expect(typeof n['@label']).toBe('string');
    nodes.set(n['@id'], { ...values(n, 'node'), label: n['@label'], ...span(n) });
  }
  const edges = new Map<string, Record<string, string>>();
  for (const e of graph.edges?.edge ?? []) {
    expect(nodes.has(e['@source']) && nodes.has(e['@target']), e['@id']).toBe(true);
    edges.set(e['@id'], { ...values(e, 'edge'), source: e['@source'], target: e['@target'], ...span(e) });
  }
  return { nodes, edges };
}

describe('the schemas', () => {
  it('refuse a file that breaks them (an edge without a target, an undeclared attribute type)', async () => {
    const graphml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/><edge source="a"/></graph></graphml>`;
    expect((await schemaErrors(graphml, 'graphml')).join('\n')).toMatch(/target/);
    const gexf = `<?xml version="1.0"?><gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph><attributes class="node"><attribute id="0" title="x" type="date"/></attributes></graph></gexf>`;
    expect((await schemaErrors(gexf, 'gexf')).join('\n')).toMatch(/type/);
  });
});

describe('XML escaping', SLOW, () => {
  it('any text survives a round trip through an attribute and a text node', () => {
    const nasty = `a<b>&"c" 'd'\n\te\u0001f`;
    const doc = parser.parse(`<r a="${xml(nasty)}">${xml(nasty)}</r>`);
    expect(doc.r['@a']).toBe('a<b>&"c" \'d\'\n\tef');
    expect(doc.r['#text']).toBe('a<b>&"c" \'d\'\n\tef');
  });
});

describe('graph files', SLOW, () => {
  it('graph.graphml: the whole dataset, types, properties and provenance, readings included', async () => {
    const ds = await readDataset(MAIN_DATASET_DIR);
    const g = checkGraphml(await file('/export/graph.graphml', 'application/graphml+xml'));
    const ours = (m: Map<string, Record<string, string>>) => [...m.entries()].filter(([, v]) => v['dataset'] === MAIN_DATASET_ID);
    expect(ours(g.nodes)).toHaveLength(ds.nodes.length);
    expect(ours(g.edges)).toHaveLength(ds.relationships.length);
    for (const n of ds.nodes) expect(g.nodes.get(n.key)?.['label'], n.key).toBe(n.name);
    expect(g.nodes.get('meeting:drug-abuse-hq')).toMatchObject({ type: 'Meeting', kind: 'HEADQUARTERS', section: '1.(2)', inferred: 'false' });
    // Every property is an attribute of its own; a date keeps its precision and comes with its year as a number.
    expect(g.nodes.get('meeting:drug-abuse-hq')).toMatchObject({ established: '1997-01', establishedYear: '1997', basis: 'Cabinet decision' });
    expect(g.types.get('n_establishedYear')).toBe('long');
    expect(g.types.get('n_established')).toBe('string');
    const hk = g.edges.get('hosted:rilo-ap:hong-kong')!;
    expect(hk).toMatchObject({ type: 'HOSTED', source: 'country:hong-kong', target: 'organisation:rilo-ap', inferred: 'true' });
    expect(hk['reading']).toMatch(/Tokyo Customs/);
    // Section 2.(5): established in Hong Kong in December 1987, hosted by Japan from January 1999.
    expect(hk).toMatchObject({ from: '1987-12', fromYear: '1987', until: '1999-01', untilYear: '1999' });
    expect([...g.nodes.values()].some((n) => 'properties' in n)).toBe(false);
    const cut = checkGraphml(await file('/export/graph.graphml?limit=10', 'application/graphml+xml'));
    expect(cut.nodes.size).toBe(10);
  });

  it('neighbourhood.gexf holds what the API answers', async () => {
    const q = '{ neighbourhood(id: "organisation:rilo-ap", depth: 2) { nodes { node { id } } relationships { id } } }';
    const hood = (await api.data(q)).neighbourhood;
    const g = checkGexf(await file('/export/neighbourhood.gexf?id=organisation:rilo-ap&depth=2', 'application/gexf+xml'));
    expect([...g.nodes.keys()].sort()).toEqual(hood.nodes.map((n: any) => n.node.id).sort());
    expect([...g.edges.keys()].sort()).toEqual(hood.relationships.map((r: any) => r.id).sort());
    expect(g.edges.get('hosted:rilo-ap:hong-kong')).toMatchObject({ type: 'HOSTED', inferred: 'true' });
    expect(g.nodes.get('organisation:rilo-ap')).toMatchObject({ type: 'Organisation', label: 'Regional Intelligence Liaison Office for Asia and the Pacific' });
  });

  it('path.graphml and path.gexf: the nodes and relationships of the paths', async () => {
    const url = '?from=office:prime-minister&to=meeting:firearms-promotion';
    const a = checkGraphml(await file(`/export/path.graphml${url}`, 'application/graphml+xml'));
    const b = checkGexf(await file(`/export/path.gexf${url}`, 'application/gexf+xml'));
    for (const g of [a, b]) {
      expect([...g.nodes.keys()]).toEqual(['office:prime-minister', 'meeting:ministerial-crime', 'meeting:firearms-promotion']);
      expect([...g.edges.values()].map((e) => e['type'])).toEqual(['CHAIRS', 'PART_OF']);
    }
  });

  it('graph formats only for graph, neighbourhood and path; bad parameters in words', async () => {
    expect((await fetch(`${api.origin}/export/agreements.graphml`)).status).toBe(404);
    const bad = await fetch(`${api.origin}/export/graph.gexf?limit=0`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/limit: 1 to 20000 nodes/);
    const missing = await fetch(`${api.origin}/export/neighbourhood.graphml`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/id is required/);
  });
});

describe('time for Gephi, names for NetworkX', SLOW, () => {
  it('graph.gexf is dynamic: its spans tell the history of the source, and agree with stateAsOf on any day', async () => {
    const g = checkGexf(await file('/export/graph.gexf', 'application/gexf+xml'));
    // 1.(3): the firearms headquarters, established in September 1995, re-formed as the meeting in 2008.
    expect(g.nodes.get('meeting:firearms-hq')).toMatchObject({ start: '1995-09-01', end: '2007-12-31' });
    expect(g.nodes.get('meeting:firearms-promotion')).toMatchObject({ start: '2008-01-01' });
    expect(g.nodes.get('meeting:firearms-promotion')).not.toHaveProperty('end');
    // 2.(5): the RILO in Hong Kong from December 1987, in Tokyo Customs for five years from January 1999, then Beijing from January 2004.
    expect(g.edges.get('hosted:rilo-ap:hong-kong')).toMatchObject({ start: '1987-12-01', end: '1998-12-31' });
    expect(g.edges.get('hosted:rilo-ap:tokyo-customs')).toMatchObject({ start: '1999-01-01', end: '2003-12-31' });
    expect(g.edges.get('hosted:rilo-ap:beijing-customs-office')).toMatchObject({ start: '2004-01-01' });
    // Gephi's timeline on a day shows what the API's stateAsOf says existed that day.
    const on = (day: string) => (x: Record<string, string>) => (!x['start'] || x['start'] <= day) && (!x['end'] || day <= x['end']);
    for (const day of ['1990-06-15', '1999-06-01', '2005-01-01', '2012-11-15', '2016-06-07']) {
      const state = (await api.data(`query($d: PartialDate!) { stateAsOf(date: $d) { meetings { meeting { id } } hostings { host { id } hosted { id } } } }`, { d: day })).stateAsOf;
      const meetings = [...g.nodes.entries()].filter(([, n]) => n['type'] === 'Meeting' && on(day)(n)).map(([id]) => id);
      expect(meetings.sort(), day).toEqual(state.meetings.map((m: any) => m.meeting.id).sort());
      const hostings = [...g.edges.values()].filter((e) => e['type'] === 'HOSTED' && on(day)(e)).map((e) => `${e['source']} > ${e['target']}`);
      expect(hostings.sort(), day).toEqual(state.hostings.map((h: any) => `${h.host.id} > ${h.hosted.id}`).sort());
    }
  });

  it('NetworkX reads the names as labels, the years as numbers and the GEXF time spans', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-files-'));
    try {
      writeFileSync(path.join(dir, 'graph.graphml'), await fileText('/export/graph.graphml', 'application/graphml+xml'));
      writeFileSync(path.join(dir, 'graph.gexf'), await fileText('/export/graph.gexf', 'application/gexf+xml'));
      const script = [
        'import json, sys, networkx as nx',
        'g = nx.read_graphml(sys.argv[1] + "/graph.graphml")',
        'x = nx.read_gexf(sys.argv[1] + "/graph.gexf")',
        'hq = g.nodes["meeting:drug-abuse-hq"]',
        'print(json.dumps({"labels": {n: d.get("label") for n, d in g.nodes(data=True)}, "gexfLabels": {n: d.get("label") for n, d in x.nodes(data=True)},',
        '  "year": [hq["establishedYear"], type(hq["establishedYear"]).__name__], "inferred": type(hq["inferred"]).__name__,',
        '  "span": [x.nodes["meeting:firearms-hq"].get("start"), x.nodes["meeting:firearms-hq"].get("end")]}))',
      ].join('\n');
      const run = await promisify(execFile)('python3', ['-c', script, dir], { encoding: 'utf8' }).catch((error: { stderr?: string }) => {
        throw new Error(`python3 with networkx is needed (apt-get install python3-networkx): ${error.stderr ?? String(error)}`);
      });
      const out = JSON.parse(run.stdout) as { labels: Record<string, string>; gexfLabels: Record<string, string>; year: [number, string]; inferred: string; span: [string, string] };
      const ds = await readDataset(MAIN_DATASET_DIR);
      for (const n of ds.nodes) {
        expect(out.labels[n.key], n.key).toBe(n.name);
        expect(out.gexfLabels[n.key], n.key).toBe(n.name);
      }
      expect(out.year).toEqual([1997, 'int']);
      expect(out.inferred).toBe('bool');
      expect(out.span).toEqual(['1995-09-01', '2007-12-31']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

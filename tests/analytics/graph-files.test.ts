/**
 * Graph files (GraphML, GEXF 1.2) of the whole dataset, a neighbourhood and a path set. Each file is validated
 * against its published XML schema with xmllint (libxml2 as WebAssembly: xmllint-wasm), the schemas being the
 * ones JGraphT ships to validate its imports (tests/fixtures/xsd/README.md); then read for what the schema
 * cannot say: every value refers to a declared key of its element kind, node ids are unique, every edge joins
 * two nodes of the file. Contents are checked against the seed files and the API.
 */
import { readFileSync } from 'node:fs';
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

async function file(path: string, type: string): Promise<any> {
  const res = await fetch(`${api.origin}${path}`);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(200);
  expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
  expect(XMLValidator.validate(text)).toBe(true);
  expect(await schemaErrors(text, type.includes('graphml') ? 'graphml' : 'gexf'), path).toEqual([]);
  return parser.parse(text);
}

interface Graph {
  nodes: Map<string, Record<string, string>>;
  edges: Map<string, Record<string, string>>;
}

const GRAPHML_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];

/** The structural rules of graphml.xsd this file relies on; the nodes and edges with their attribute values. */
function checkGraphml(doc: any): Graph {
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
  return { nodes, edges };
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
  const nodes = new Map<string, Record<string, string>>();
  for (const n of graph.nodes.node ?? []) {
    expect(nodes.has(n['@id'])).toBe(false);
    expect(typeof n['@label']).toBe('string');
    nodes.set(n['@id'], values(n, 'node'));
  }
  const edges = new Map<string, Record<string, string>>();
  for (const e of graph.edges?.edge ?? []) {
    expect(nodes.has(e['@source']) && nodes.has(e['@target']), e['@id']).toBe(true);
    edges.set(e['@id'], { ...values(e, 'edge'), source: e['@source'], target: e['@target'] });
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
    expect(g.nodes.get('meeting:drug-abuse-hq')).toMatchObject({ type: 'Meeting', kind: 'HEADQUARTERS', section: '1.(2)', inferred: 'false' });
    expect(JSON.parse(g.nodes.get('meeting:drug-abuse-hq')!['properties']!)).toMatchObject({ established: '1997-01', basis: 'Cabinet decision' });
    const hk = g.edges.get('hosted:rilo-ap:hong-kong')!;
    expect(hk).toMatchObject({ type: 'HOSTED', source: 'country:hong-kong', target: 'organisation:rilo-ap', inferred: 'true' });
    expect(hk['reading']).toMatch(/Tokyo Customs/);
    expect(JSON.parse(hk['properties']!)).toEqual({ from: '1987-12', until: '1999-01' });
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
    expect(g.nodes.get('organisation:rilo-ap')).toMatchObject({ type: 'Organisation', name: 'Regional Intelligence Liaison Office for Asia and the Pacific' });
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

/**
 * Export routes, read as a spreadsheet would: every CSV is opened with a real CSV parser (csv-parse) and checked
 * for its fixed header, its types and its row count against the API. Also: errors in plain words, prototype
 * names as unknown exports, and every example of docs/analytics.md run as written. Formula escaping: csv.unit.test.ts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectionExports } from '../../src/exports/connections.js';
import { ENTITY_TABLES } from '../../src/exports/entity-tables.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { useTestServer } from '../support/server.js';

// The shared test machine can be very busy: generous database and request deadlines (nothing here is timed).
const SLOW_MACHINE = { QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' };
const SLOW = { timeout: 240_000 };

const api = useTestServer(SLOW_MACHINE);
let columns: Record<string, string[] | Record<string, string[]>>;
beforeAll(async () => {
  columns = (await (await fetch(`${api.origin}/export/`)).json()).columns;
});

async function get(path: string) {
  const res = await fetch(`${api.origin}${path}`);
  return { res, buffer: Buffer.from(await res.arrayBuffer()) };
}

interface Parsed {
  header: string[];
  rows: Record<string, string>[];
}

/** Fetches a CSV export and parses it strictly (RFC 4180, CRLF, UTF-8 with BOM). */
async function csv(path: string): Promise<Parsed> {
  const { res, buffer } = await get(path);
  expect(res.status, buffer.toString('utf8')).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = buffer.toString('utf8');
  // Outside quoted cells every line ends with CRLF.
  expect(text.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/(^|[^\r])\n/);
  const records = parse(buffer, { bom: true, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
  const [header, ...rows] = records;
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Type checks that hold for every export: dates, booleans, numbers, provenance. */
function checkTypes({ header, rows }: Parsed): void {
  for (const row of rows) {
    for (const h of header) {
      const v = row[h]!;
      if (v === '') continue;
      if (/\.(earliest|latest)$/.test(h)) expect(v, h).toMatch(DAY);
      if (h.endsWith('.precision')) expect(['YEAR', 'MONTH', 'DAY'], h).toContain(v);
      if (h.endsWith('.value') && h !== 'value') expect(v, h).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      if (/(^|\.)(inferred|isMinister|multilateral|preliminary)$/.test(h)) expect(['true', 'false'], h).toContain(v);
      if (/^(year|value|index|computedIndex|baseYear|statedCount|periodYears|distance|position|total|CMAA|INTERGOVERNMENTAL|EPA|MOU)$/.test(h)) {
        expect(Number.isFinite(Number(v)), `${h}=${v}`).toBe(true);
      }
    }
  }
}

/** Headers that never hold a value in any of the given tables. */
function alwaysEmpty(tables: Parsed[]): string[] {
  const header = tables[0]!.header;
  return header.filter((h) => tables.every((t) => t.rows.every((r) => r[h] === '')));
}

/** Every root connection of the schema, with its table (hand-chosen or the default): a new root list is in here. */
const LISTS = [...connectionExports(buildSchema())].map(([name, spec]) => [name, spec.table] as const);

describe('list exports', SLOW, () => {
  it.each(LISTS)('%s.csv: the documented header, API row count, types, no always-empty column', async (name, spec) => {
    const table = await csv(`/export/${name}.csv?limit=5000`);
    expect(table.header).toEqual(columns[name]);
    const conn = (await api.data(`{ ${name}(first: 100) { totalCount edges { node { ${spec.selection} } } } }`))[name];
    expect(conn.totalCount).toBe(conn.edges.length);
    // One row per node, or per what the table makes of a node (an indicator's yearly figures).
    const expected = conn.edges.flatMap((e: any) => (spec.rowsOf ? spec.rowsOf(e.node) : [e.node]));
    expect(table.rows).toHaveLength(expected.length);
    expect(new Set(table.rows.map((r) => r['id']))).toEqual(new Set(conn.edges.map((e: any) => e.node.id)));
    checkTypes(table);
    // A hand-chosen table holds no column that is empty in every row; the default one lists every field of the type.
    if (ENTITY_TABLES.has(name)) expect(alwaysEmpty([table])).toEqual([]);
  });

  it('the header does not change with the filter, and an empty result keeps it', async () => {
    const all = await csv('/export/agreements.csv');
    const epa = await csv('/export/agreements.csv?kind=EPA');
    const none = await csv('/export/agreements.csv?enacted.from=2030');
    expect(epa.header).toEqual(all.header);
    expect(none.header).toEqual(all.header);
    expect(none.rows).toEqual([]);
    expect(epa.rows).toHaveLength(13);
    const tpp = epa.rows.find((r) => r['id'] === 'agreement:tpp')!;
    expect(tpp['provenance.quote']).toContain('Australia, Brunei Darussalam, Canada, Chile');
    expect(tpp['parties.id']!.split('; ')).toHaveLength(12);
    expect(tpp['note']).toContain('customs mutual assistance');
    const singapore = epa.rows.find((r) => r['id'] === 'agreement:epa:singapore')!;
    expect(singapore).toMatchObject({ 'enacted.value': '2002-11', 'enacted.precision': 'MONTH', 'enacted.earliest': '2002-11-01', 'enacted.latest': '2002-11-30' });
    const filtered = await csv('/export/timeline.csv?from=2008&to=2008&kinds=ENACTED');
    const unfiltered = await csv('/export/timeline.csv');
    expect(filtered.header).toEqual(unfiltered.header);
  });

  it('indicators.csv holds the yearly figures of the API', async () => {
    const { rows } = await csv('/export/indicators.csv');
    const data = await api.data('{ indicators(first: 100) { edges { node { id observations { year value index preliminary } } } } }');
    const fromApi = data.indicators.edges.flatMap((e: any) => e.node.observations.map((o: any) => [e.node.id, o.year, o.value, o.index, o.preliminary]));
    expect(rows.map((r) => [r['id'], Number(r['year']), Number(r['value']), Number(r['index']), r['preliminary'] === 'true'])).toEqual(fromApi);
    expect(rows.find((r) => r['id'] === 'indicator:arriving-passengers' && r['year'] === '2015')!['value']).toBe('3610');
  });

  it('plans.csv keeps the readings of the lineage', async () => {
    const { rows } = await csv('/export/plans.csv');
    const firearms = rows.find((r) => r['id'] === 'plan:firearms-2016')!;
    expect(firearms['supersedes.older.id']).toBe('plan:firearms-guidelines');
    expect(firearms['supersedes.provenance.inferred']).toBe('true');
    expect(firearms['supersedes.provenance.reading']).toMatch(/following the Guidelines/);
    expect(rows.find((r) => r['id'] === 'plan:safest-country-strategy')!['followUp']).toBe('every six months');
  });
});

describe('question exports', SLOW, () => {
  it('path.csv: one row per step, readings kept, counts as the API', async () => {
    const steps = await csv('/export/path.csv?from=office:prime-minister&to=meeting:firearms-promotion');
    expect(steps.header).toEqual((columns['path'] as Record<string, string[]>)['steps']);
    expect(steps.rows.map((s) => [s['node.id'], s['next.type']])).toEqual([
      ['office:prime-minister', 'CHAIRS'],
      ['meeting:ministerial-crime', 'PART_OF'],
      ['meeting:firearms-promotion', ''],
    ]);
    const reading = await csv('/export/path.csv?from=plan:firearms-2016&to=plan:firearms-guidelines');
    expect(reading.rows[0]).toMatchObject({ 'next.type': 'SUPERSEDES', 'next.provenance.inferred': 'true' });
    checkTypes(steps);
    expect(alwaysEmpty([steps, reading])).toEqual([]);
  });

  it('neighbourhood.csv: nodes and relationships, as many as the API returns', async () => {
    const q = '{ neighbourhood(id: "organisation:rilo-ap", depth: 2) { nodes { node { id } } relationships { id } } }';
    const hood = (await api.data(q)).neighbourhood;
    const nodes = await csv('/export/neighbourhood.csv?id=organisation:rilo-ap&depth=2');
    const rels = await csv('/export/neighbourhood.csv?id=organisation:rilo-ap&depth=2&part=relationships');
    expect(nodes.rows).toHaveLength(hood.nodes.length);
    expect(rels.rows).toHaveLength(hood.relationships.length);
    expect(nodes.rows[0]).toEqual({ distance: '0', id: 'organisation:rilo-ap', name: 'Regional Intelligence Liaison Office for Asia and the Pacific', type: 'Organisation' });
    expect(rels.rows.find((r) => r['id'] === 'hosted:rilo-ap:hong-kong')).toMatchObject({ 'provenance.inferred': 'true', properties: '{"from":"1987-12","until":"1999-01"}' });
    for (const t of [nodes, rels]) checkTypes(t);
    expect(alwaysEmpty([nodes])).toEqual([]);
    expect(alwaysEmpty([rels])).toEqual([]);
  });

  it('lineage.csv, stateAsOf.csv (three parts) and coverage.csv match the API', async () => {
    const lineage = await csv('/export/lineage.csv?id=plan:drug-strategy-2');
    expect(lineage.rows.map((r) => r['id'])).toEqual(['plan:drug-strategy-1', 'plan:drug-strategy-2', 'plan:drug-strategy-3', 'plan:drug-strategy-4']);
    expect(lineage.rows.filter((r) => r['provenance.inferred'] === 'true')).toHaveLength(3);
    const meetingLineage = await csv('/export/lineage.csv?id=meeting:drug-abuse-promotion');
    expect(alwaysEmpty([lineage, meetingLineage])).toEqual([]);

    const state = (await api.data('{ stateAsOf(date: "2001-06") { meetings { meeting { id } } agreements { id } hostings { host { id } } } }')).stateAsOf;
    const PARTS = ['meetings', 'agreements', 'hostings'];
    const parts = await Promise.all(PARTS.map((p) => csv(`/export/stateAsOf.csv?date=2001-06&part=${p}`)));
    expect(parts.map((p) => p.rows.length)).toEqual([state.meetings.length, state.agreements.length, state.hostings.length]);
    expect(parts[2]!.rows.map((r) => r['host.id'])).toEqual(state.hostings.map((h: any) => h.host.id));
    // 1990: Hong Kong hosted the RILO (a reading); 2016: everything stated so far.
    const other = await Promise.all(['1990', '2016'].flatMap((d) => PARTS.map((p) => csv(`/export/stateAsOf.csv?date=${d}&part=${p}`))));
    parts.forEach((p, i) => {
      checkTypes(p);
      expect(alwaysEmpty([p, other[i]!, other[i + 3]!])).toEqual([]);
    });

    const stats = (await api.data('{ agreementStats { coverage { partner { id } total kinds { kind count } } } }')).agreementStats;
    const coverage = await csv('/export/coverage.csv');
    expect(coverage.header).toEqual(['partner.id', 'partner.name', 'partner.type', 'total', 'CMAA', 'INTERGOVERNMENTAL', 'EPA', 'MOU']);
    expect(coverage.rows).toHaveLength(stats.coverage.length);
    const australia = coverage.rows.find((r) => r['partner.id'] === 'country:australia')!;
    expect(australia).toMatchObject({ total: '3', INTERGOVERNMENTAL: '1', EPA: '2', CMAA: '0' });
    checkTypes(coverage);
  });
});

describe('errors and unknown exports', SLOW, () => {
  it('bad parameters: 400 in plain words, with what is accepted, never GraphQL internals', async () => {
    const cases: [string, RegExp][] = [
      ['/export/agreements.csv?kindd=EPA', /Unknown parameter\(s\): kindd\. Accepted: /],
      ['/export/agreements.csv?kind=FTA', /kind: "FTA" is not accepted; use one of CMAA, INTERGOVERNMENTAL, EPA, MOU/],
      ['/export/agreements.csv?enacted.from=June', /enacted\.from: "June" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD/],
      ['/export/agreements.csv?limit=0', /limit: 1 to 5000/],
      ['/export/agreements.csv?orderBy=colour', /orderBy: "colour" is not accepted; use one of/],
      ['/export/path.json?to=meeting:firearms-promotion', /from is required/],
      ['/export/neighbourhood.csv?id=country:japan&depth=9', /depth.*1 to 3/],
      ['/export/neighbourhood.csv?id=country:japan&depth=two', /depth: "two" is not a number/],
      ['/export/neighbourhood.csv?id=country:japan&relationshipTypes=FRIENDS', /relationshipTypes: "FRIENDS" is not accepted; use one of CHAIRS/],
      ['/export/stateAsOf.csv?date=2016&part=people', /part: "people" is not accepted; use one of meetings, agreements, hostings/],
      ['/export/agreements.xlsx', /csv or \.json/],
    ];
    for (const [path, message] of cases) {
      const { res, buffer } = await get(path);
      expect(res.status, path).toBe(400);
      const body = JSON.parse(buffer.toString('utf8'));
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.message, path).toMatch(message);
      expect(body.error.message, path).not.toMatch(/Variable|\$filter|GraphQL/);
      expect(body.error.accepted, path).toBeDefined();
    }
  });

  it('unknown names, Object.prototype names included, are 404', async () => {
    for (const name of ['nothing.csv', 'constructor.json', '__proto__.json', 'toString.csv', 'hasOwnProperty.csv', 'valueOf.json', 'isPrototypeOf.csv', '__defineGetter__.json']) {
      const { res, buffer } = await get(`/export/${name}`);
      expect(res.status, name).toBe(404);
      expect(JSON.parse(buffer.toString('utf8')).error.code, name).toBe('NOT_FOUND');
    }
    const missing = await get('/export/path.json?from=office:nobody&to=country:japan');
    expect(missing.res.status).toBe(404);
  });
});

describe('docs/analytics.md runs as written', SLOW, () => {
  const doc = readFileSync(new URL('../../docs/analytics.md', import.meta.url), 'utf8');

  it('every GraphQL example answers without errors (the Cypher one needs a token and is skipped)', async () => {
    const blocks = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => !b.includes('cypher('));
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const block of blocks) await api.data(block);
  });

  it('every curl example of the export section answers 200', async () => {
    const urls = [...doc.matchAll(/curl [^\n']*'http:\/\/localhost:4000(\/export\/[^']+)'/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect((await get(url)).res.status, url).toBe(200);
  });
});

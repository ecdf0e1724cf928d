/** Export routes: CSV (UTF-8 with BOM, RFC 4180) and JSON for connections, paths, neighbourhoods, timelines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/http/export.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api.stop();
});

/** A strict RFC 4180 parser (quoted fields, doubled quotes, CRLF) for checking what we send. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`stray quote at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('last line not terminated by CRLF');
  return rows;
}

async function get(path: string) {
  const res = await fetch(`${api.origin}${path}`);
  return { res, buffer: Buffer.from(await res.arrayBuffer()) };
}

async function csv(path: string): Promise<Record<string, string>[]> {
  const { res, buffer } = await get(path);
  expect(res.status, buffer.toString('utf8')).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(buffer.subarray(3).toString('utf8'));
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('CSV encoding', () => {
  it('quotes commas, quotes and line breaks; neutralises spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(parseCsv(toCsv([{ a: 'x, "y"', b: 'z\r\nw' }]).slice(1))).toEqual([['a', 'b'], ['x, "y"', 'z\r\nw']]);
  });
});

describe('export routes', () => {
  it('agreements.csv?kind=EPA: the 12 bilateral EPAs and the TPP, enactment dates as the source gives them', async () => {
    const rows = await csv('/export/agreements.csv?kind=EPA');
    expect(rows).toHaveLength(13);
    const singapore = rows.find((r) => r['id'] === 'agreement:epa:singapore')!;
    expect(singapore['enacted']).toBe('2002-11');
    expect(singapore['kind']).toBe('EPA');
    const tpp = rows.find((r) => r['id'] === 'agreement:tpp')!;
    expect(tpp['multilateral']).toBe('true');
    // The provenance quote has commas; it survives quoting intact.
    expect(tpp['provenance.quote']).toContain('Australia, Brunei Darussalam, Canada, Chile');
    expect(tpp['parties.name']!.split('; ')).toHaveLength(12);
  });

  it('names with commas round-trip: offices.csv', async () => {
    const rows = await csv('/export/offices.csv?nameContains=Education');
    expect(rows.map((r) => r['name'])).toEqual(['Minister of Education, Culture, Sports, Science and Technology']);
  });

  it('meetings.json: every meeting, with count', async () => {
    const { res, buffer } = await get('/export/meetings.json');
    expect(res.status).toBe(200);
    const body = JSON.parse(buffer.toString('utf8'));
    expect(body.count).toBe(8);
    expect(body.truncated).toBe(false);
    expect(body.meetings.map((m: { id: string }) => m.id)).toContain('meeting:firearms-promotion');
  });

  it('limit pages through a connection and reports truncation', async () => {
    const { buffer } = await get('/export/countries.json?limit=5');
    const body = JSON.parse(buffer.toString('utf8'));
    expect(body.count).toBe(5);
    expect(body.truncated).toBe(true);
    const { buffer: all } = await get('/export/countries.json?limit=150');
    expect(JSON.parse(all.toString('utf8')).countries.length).toBeGreaterThan(100 / 4);
  });

  it('neighbourhood.csv (nodes and relationships) and path.json', async () => {
    const nodes = await csv('/export/neighbourhood.csv?id=meeting:firearms-promotion&depth=2');
    expect(nodes[0]).toEqual({ distance: '0', id: 'meeting:firearms-promotion', name: 'Meeting for the Promotion of Measures against Firearms', type: 'Meeting' });
    expect(nodes.some((n) => n['distance'] === '2')).toBe(true);
    const rels = await csv('/export/neighbourhood.csv?id=meeting:firearms-promotion&part=relationships&relationshipTypes=CHAIRS');
    expect(rels).toEqual([
      expect.objectContaining({ type: 'CHAIRS', startId: 'office:npsc-chair', endId: 'meeting:firearms-promotion', properties: '{"role":"CHIEF"}' }),
    ]);
    const { res, buffer } = await get('/export/path.json?from=office:prime-minister&to=meeting:firearms-promotion');
    expect(res.status).toBe(200);
    const path = JSON.parse(buffer.toString('utf8'));
    expect(path.paths[0].nodes.map((n: { id: string }) => n.id)).toEqual(['office:prime-minister', 'meeting:ministerial-crime', 'meeting:firearms-promotion']);
    const steps = await csv('/export/path.csv?from=office:prime-minister&to=meeting:firearms-promotion');
    expect(steps.map((s) => [s['nodeId'], s['nextRelationship']])).toEqual([
      ['office:prime-minister', 'CHAIRS'],
      ['meeting:ministerial-crime', 'PART_OF'],
      ['meeting:firearms-promotion', ''],
    ]);
  });

  it('timeline.csv for 2008 enactments', async () => {
    const rows = await csv('/export/timeline.csv?from=2008&to=2008&kinds=ENACTED');
    expect(rows.map((r) => r['date.value'])).toEqual(['2008-01', '2008-02', '2008-07', '2008-07', '2008-09', '2008-12']);
  });

  it('bad parameters: 400 with a JSON error that says what is accepted', async () => {
    const cases: [string, RegExp][] = [
      ['/export/agreements.csv?kindd=EPA', /Unknown parameter/],
      ['/export/agreements.csv?kind=XYZ', /XYZ/],
      ['/export/agreements.csv?limit=0', /limit/],
      ['/export/path.json?to=meeting:firearms-promotion', /from is required/],
      ['/export/neighbourhood.csv?id=country:japan&depth=9', /depth.*1 to 3/],
      ['/export/neighbourhood.csv?id=country:japan&depth=two', /whole number/],
      ['/export/agreements.xlsx', /csv or \.json/],
    ];
    for (const [path, message] of cases) {
      const { res, buffer } = await get(path);
      expect(res.status, path).toBe(400);
      const body = JSON.parse(buffer.toString('utf8'));
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.message, path).toMatch(message);
      expect(body.error.accepted, path).toBeDefined();
    }
    const { buffer } = await get('/export/agreements.csv?kindd=EPA');
    expect(Object.keys(JSON.parse(buffer.toString('utf8')).error.accepted.parameters)).toEqual(expect.arrayContaining(['kind', 'kinds', 'party', 'limit', 'orderBy']));
    const unknown = await get('/export/nothing.csv');
    expect(unknown.res.status).toBe(404);
    const missing = await get('/export/path.json?from=office:nobody&to=country:japan');
    expect(missing.res.status).toBe(404);
  });
});

/**
 * Readings marked as readings: `inferred` is true exactly on the records docs/graph-model.md lists under
 * "Readings" (the expected list is read from the document, not from the graph), each with its `reading`,
 * and the API shows them on `provenance`. The stated facts that had no field (basis, followUp, note,
 * the drug meeting's firstConvened) are exposed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/database.js';
import { closeTestDb, testDb } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { MAIN_DATASET_ID } from './helpers.js';

/** The keys in the first column of the "## Readings" table of docs/graph-model.md. */
function documentedReadings(): string[] {
  const doc = readFileSync(new URL('../../docs/graph-model.md', import.meta.url), 'utf8');
  const section = doc.split('\n## Readings\n')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!).sort();
}

// The shared test machine can be very busy: generous database and request deadlines (nothing here is timed).
const SLOW_MACHINE = { QUERY_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '90000' };
const SLOW = { timeout: 240_000 };

let db: Database;
let server: TestServer;

beforeAll(async () => {
  ({ db } = await testDb());
  server = await startTestServer(SLOW_MACHINE);
});
afterAll(async () => {
  await server?.stop();
  await closeTestDb();
});

describe('readings in the graph', SLOW, () => {
  it('the document lists the readings the issue named', () => {
    const listed = documentedReadings();
    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(listed).toEqual(
      expect.arrayContaining([
        'hosted:rilo-ap:hong-kong',
        'supersedes:firearms-2016:firearms-guidelines',
        'supersedes:drug-strategy-2:drug-strategy-1',
        'supersedes:drug-strategy-3:drug-strategy-2',
        'supersedes:drug-strategy-4:drug-strategy-3',
      ]),
    );
  });

  it('inferred is true exactly on the documented readings, each with a one-line reading', async () => {
    const rows = await db.read(
      `CALL () {
         MATCH (n:Entity {dataset: $dataset}) RETURN n.key AS key, n.inferred AS inferred, n.reading AS reading
         UNION ALL
         MATCH ()-[r]->() WHERE r.dataset = $dataset RETURN r.key AS key, r.inferred AS inferred, r.reading AS reading
       }
       RETURN key, inferred, reading`,
      { dataset: MAIN_DATASET_ID },
    );
    // Every record says which it is: a boolean, never missing.
    expect(rows.filter((r) => typeof r.inferred !== 'boolean').map((r) => r.key)).toEqual([]);
    const inferred = rows.filter((r) => r.inferred === true);
    expect(inferred.map((r) => String(r.key)).sort()).toEqual(documentedReadings());
    for (const r of inferred) {
      expect(typeof r.reading, String(r.key)).toBe('string');
      expect(String(r.reading)).not.toMatch(/\n/);
    }
    expect(rows.filter((r) => r.inferred === false && r.reading != null).map((r) => r.key)).toEqual([]);
  });
});

describe('readings through the API', SLOW, () => {
  it('provenance says inferred and why on a reading, and false on a stated fact', async () => {
    const data = await server.data(`{
      rilo: node(id: "organisation:rilo-ap") { ... on Organisation { hostedBy { host { id } provenance { inferred reading quote } } } }
      plan: node(id: "plan:firearms-2016") { ... on Plan { supersedes { older { id } provenance { inferred reading } } provenance { inferred reading } } }
    }`);
    const hostings = data.rilo.hostedBy as { host: { id: string }; provenance: { inferred: boolean; reading: string | null } }[];
    const hongKong = hostings.find((h) => h.host.id === 'country:hong-kong')!;
    expect(hongKong.provenance.inferred).toBe(true);
    expect(hongKong.provenance.reading).toMatch(/Tokyo Customs from January 1999/);
    const tokyo = hostings.find((h) => h.host.id === 'organisation:tokyo-customs')!;
    expect(tokyo.provenance).toMatchObject({ inferred: false, reading: null });
    expect(data.plan.supersedes.older.id).toBe('plan:firearms-guidelines');
    expect(data.plan.supersedes.provenance.inferred).toBe(true);
    expect(data.plan.supersedes.provenance.reading).toMatch(/in line with/);
    expect(data.plan.provenance).toEqual({ inferred: false, reading: null });
  });

  it('a lineage step of the drug strategies carries its reading', async () => {
    const data = await server.data(`{ lineage(id: "plan:drug-strategy-4") { steps { node { id } provenance { inferred reading } } } }`);
    const steps = data.lineage.steps as { node: { id: string }; provenance: { inferred: boolean; reading: string } | null }[];
    expect(steps.map((s) => s.node.id)).toEqual(['plan:drug-strategy-1', 'plan:drug-strategy-2', 'plan:drug-strategy-3', 'plan:drug-strategy-4']);
    expect(steps.filter((s) => s.provenance?.inferred).length).toBe(3);
  });

  it('exposes basis, followUp, an agreement note and the drug meeting first convened', async () => {
    const data = await server.data(`{
      hq: node(id: "meeting:drug-abuse-hq") { ... on Meeting { basis } }
      drug: node(id: "meeting:drug-abuse-promotion") { ... on Meeting { firstConvened { value precision } basis } }
      plan: node(id: "plan:safest-country-strategy") { ... on Plan { followUp } }
      epa: node(id: "agreement:epa:peru") { ... on Agreement { note } }
      cmaa: node(id: "agreement:cmaa:us") { ... on Agreement { note provenance { inferred } } }
    }`);
    expect(data.hq.basis).toBe('Cabinet decision');
    expect(data.drug).toEqual({ firstConvened: { value: '2008-12', precision: 'MONTH' }, basis: null });
    expect(data.plan.followUp).toBe('every six months');
    expect(data.epa.note).toBe('Contains provisions on customs mutual assistance.');
    expect(data.cmaa).toEqual({ note: null, provenance: { inferred: false } });
  });
});

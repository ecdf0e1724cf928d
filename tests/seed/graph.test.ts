/** The loaded seed graph (real Neo4j, loaded by the global setup): counts match the files, facts match the source. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/database.js';
import { readDataset, type Dataset } from '../../src/seed/format.js';
import { staleDerivedCount } from '../../src/seed/loader.js';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog.js';
import { closeTestDb, neo4jSettings, testDb } from '../support/db.js';
import { MAIN_DATASET_DIR, MAIN_DATASET_ID, SOURCE_FILE } from './helpers.js';

let db: Database;
let ds: Dataset;

beforeAll(async () => {
  ({ db } = await testDb());
  ds = await readDataset(MAIN_DATASET_DIR);
});
afterAll(closeTestDb);

const one = async (cypher: string, params: Record<string, unknown> = {}) => (await db.read(cypher, { dataset: MAIN_DATASET_ID, ...params }))[0] ?? {};

function tally(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
}

describe('counts', () => {
  it('nodes per label match the seed files', async () => {
    const rows = await db.read(
      'MATCH (n:Entity {dataset: $dataset}) UNWIND labels(n) AS label WITH label WHERE label <> "Entity" RETURN label, count(*) AS n',
      { dataset: MAIN_DATASET_ID },
    );
    const actual = Object.fromEntries(rows.map((r) => [r.label, r.n]));
    expect(actual).toEqual(tally(ds.nodes.flatMap((n) => [n.label, ...n.extraLabels])));
  });

  it('relationships per type match the seed files', async () => {
    const rows = await db.read('MATCH (:Entity)-[r]->(:Entity) WHERE r.dataset = $dataset RETURN type(r) AS type, count(*) AS n', {
      dataset: MAIN_DATASET_ID,
    });
    expect(Object.fromEntries(rows.map((r) => [r.type, r.n]))).toEqual(tally(ds.relationships.map((r) => r.type)));
  });

  it('holds the numbers the source states', async () => {
    expect(tally(ds.nodes.map((n) => n.label))).toMatchObject({ Country: 31, Indicator: 5, Observation: 30, MeasureCategory: 11 });
    const kinds = await db.read(
      'MATCH (:Country {key: "country:japan"})-[a:AGREEMENT]->() RETURN a.kind AS kind, count(DISTINCT a.agreementKey) AS agreements',
      {},
    );
    // 10 CMAAs, 7 intergovernmental agreements, 13 EPAs (12 bilateral + the TPP).
    expect(Object.fromEntries(kinds.map((r) => [r.kind, r.agreements]))).toEqual({ CMAA: 10, INTERGOVERNMENTAL: 7, EPA: 13 });
    expect(await one('MATCH (n:Organisation {key: "organisation:ctb-mou-partners"})<-[:MEMBER_OF]-(m) RETURN n.statedCount AS stated, count(m) AS named')).toEqual({
      stated: 6,
      named: 6,
    });
    expect(await one('MATCH (n:Organisation {key: "organisation:regional-customs-mou-partners"}) RETURN n.statedCount AS stated')).toEqual({ stated: 28 });
  });
});

describe('stored properties', () => {
  it('every node has key, name, its search phrases and keys, its life, dataset, sourceSection and contentHash, and aliases only when it has some', async () => {
    const bad = await db.read(
      `MATCH (n:Entity {dataset: $dataset})
       WHERE n.name IS NULL OR n.sourceSection IS NULL OR n.contentHash IS NULL OR size(n.aliases) = 0
          OR coalesce(size(n.searchText), 0) < 1 OR coalesce(size(n.searchKeys), 0) < 1 OR n.existsFrom IS NULL
       RETURN n.key AS key`,
      { dataset: MAIN_DATASET_ID },
    );
    expect(bad).toEqual([]);
  });

  it('every relationship has key, dataset, sourceSection and contentHash', async () => {
    const bad = await db.read(
      `MATCH (:Entity {dataset: $dataset})-[r]->()
       WHERE r.key IS NULL OR r.dataset IS NULL OR r.sourceSection IS NULL OR r.contentHash IS NULL
          OR (type(r) = 'AGREEMENT' AND r.existsFrom IS NULL)
       RETURN type(r) AS type`,
      { dataset: MAIN_DATASET_ID },
    );
    expect(bad).toEqual([]);
  });

  it('a record an older loader wrote (aliasesText, no search keys or life) is counted, for the warning at start', async () => {
    expect(await staleDerivedCount(db)).toBe(0);
    // Written and counted inside a transaction that is rolled back: no other test file ever sees it.
    const session = db.driver.session({ database: neo4jSettings().database });
    const tx = session.beginTransaction();
    try {
      await tx.run("CREATE (:Entity:Organisation {key: 'organisation:stale-test', name: 'Stale', aliasesText: ''})");
      const counted = await tx.run((await CypherCatalog.load()).get('seed/stale-derived'));
      expect(Number(counted.records[0]?.get('stale'))).toBe(1);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });

  it('aliases are searchable through the entity_search full-text index', async () => {
    await db.write('CALL db.awaitIndexes(60)', {});
    const rows = await db.read("CALL db.index.fulltext.queryNodes('entity_search', 'MOF') YIELD node RETURN node.key AS key LIMIT 1", {});
    expect(rows[0]?.key).toBe('organisation:mof');
  });

  it('every quote is text of the source', () => {
    const norm = (s: string) =>
      s.replace(/<\/?sup>/g, '').replace(/[*#]/g, '').replace(/[“”]/g, '"').replace(/’/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
    const source = norm(readFileSync(SOURCE_FILE, 'utf8'));
    const missing: string[] = [];
    for (const r of [...ds.nodes, ...ds.relationships]) {
      // "…" marks an omission: each fragment must be in the source.
      for (const fragment of (r.source.quote ?? '').split('…').map(norm)) {
        const core = fragment.replace(/^[,.;: ]+|[,.;: ]+$/g, '');
        if (core && !source.includes(core)) missing.push(`${r.key}: ${core}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('facts checked against the source text', () => {
  it('the Prime Minister chairs the Ministerial Meeting, whose members are the Cabinet as a body (first convened Sept 2003)', async () => {
    expect(
      await one(`MATCH (m:Meeting {key: "meeting:ministerial-crime"})
                 MATCH (chief:Office)-[:CHAIRS {role: "CHIEF"}]->(m)
                 MATCH (member)-[:MEMBER_OF]->(m)
                 RETURN chief.name AS chief, collect(member.name) AS members, m.firstConvened AS first`),
    ).toEqual({ chief: 'Prime Minister', members: ['Cabinet'], first: '2003-09' });
  });

  it('the drug meeting: chief, six deputy chiefs, three members; under the Ministerial Meeting since Dec 2008', async () => {
    const row = await one(`MATCH (m:Meeting {key: "meeting:drug-abuse-promotion"})
      OPTIONAL MATCH (c:Office)-[:CHAIRS {role: "CHIEF"}]->(m)
      WITH m, collect(c.name) AS chiefs
      OPTIONAL MATCH (d:Office)-[:CHAIRS {role: "DEPUTY"}]->(m)
      WITH m, chiefs, collect(d.name) AS deputies
      OPTIONAL MATCH (x:Office)-[:MEMBER_OF]->(m)
      WITH m, chiefs, deputies, collect(x.name) AS members
      MATCH (m)-[s:SUPERSEDES]->(hq:Meeting)
      MATCH (m)-[:PART_OF]->(parent:Meeting)
      RETURN chiefs, deputies, members, s.on AS reorganised, hq.established AS hqEstablished, parent.name AS parent`);
    expect(row.chiefs).toEqual(['Minister of State for Measures against Drug Abuse']);
    expect([...(row.deputies as string[])].sort()).toEqual(
      [
        'Chair of the National Public Safety Commission',
        'Minister of Justice',
        'Minister of Finance',
        'Minister of Education, Culture, Sports, Science and Technology',
        'Minister of Health, Labor and Welfare',
        'Minister of Land, Infrastructure and Transport',
      ].sort(),
    );
    expect([...(row.members as string[])].sort()).toEqual(
      ['Minister of Economy, Trade and Industry', 'Minister of Foreign Affairs', 'Minister of Public Management, Home Affairs, Posts and Telecommunications'],
    );
    expect(row).toMatchObject({ reorganised: '2008-12', hqEstablished: '1997-01', parent: 'Ministerial Meeting Concerning Measures against Crime' });
  });

  it('the firearms meeting: chaired by the NPSC chair, 16 member posts, each part of its body; jurisdiction moved to the NPA in Dec 2012', async () => {
    const row = await one(`MATCH (m:Meeting {key: "meeting:firearms-promotion"})
      MATCH (chief:Office)-[:CHAIRS {role: "CHIEF"}]->(m)
      MATCH (member:Office)-[:MEMBER_OF]->(m)
      OPTIONAL MATCH (member)-[:PART_OF]->(body:Organisation)
      WITH m, chief, count(member) AS members, count(body) AS placed
      MATCH (m)-[was:ADMINISTERED_BY]->(cs:Organisation {key: "organisation:cabinet-secretariat"})
      MATCH (m)-[now:ADMINISTERED_BY]->(npa:Organisation {key: "organisation:npa"})
      RETURN chief.name AS chief, members, placed, was.until AS until, now.from AS from`);
    expect(row).toEqual({ chief: 'Chair of the National Public Safety Commission', members: 16, placed: 16, until: '2012-12', from: '2012-12' });
  });

  it('the drug strategies form a SUPERSEDES chain, decided by the Headquarters and then the Meeting', async () => {
    const rows = await db.read(`MATCH (p:Plan)<-[a:ADOPTED]-(by:Meeting)
      WHERE p.key STARTS WITH "plan:drug-strategy-"
      RETURN p.name AS plan, p.adopted AS adopted, by.key AS by ORDER BY p.adopted`, {});
    expect(rows).toEqual([
      { plan: 'Five-year Drug Abuse Prevention Strategy', adopted: '1998-05', by: 'meeting:drug-abuse-hq' },
      { plan: 'New Five-year Drug Abuse Prevention Strategy', adopted: '2003-07', by: 'meeting:drug-abuse-hq' },
      { plan: 'Third Five-year Drug Abuse Prevention Strategy', adopted: '2008-08', by: 'meeting:drug-abuse-hq' },
      { plan: 'Fourth Five-year Drug Abuse Prevention Strategy', adopted: '2013-08', by: 'meeting:drug-abuse-promotion' },
    ]);
    const chain = await one(`MATCH path = (:Plan {key: "plan:drug-strategy-4"})-[:SUPERSEDES*]->(:Plan {key: "plan:drug-strategy-1"})
      RETURN length(path) AS hops`);
    expect(chain.hops).toBe(3);
    expect(await one('MATCH (p:Plan {key: "plan:drug-acceleration-plan"}) RETURN p.adopted AS adopted')).toEqual({ adopted: null });
  });

  it('the Fourth strategy covers its five aims in order', async () => {
    const rows = await db.read(
      'MATCH (:Plan {key: "plan:drug-strategy-4"})-[c:COVERS]->(m:MeasureCategory) RETURN c.ordinal AS n, m.name AS aim ORDER BY n',
      {},
    );
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[3]?.aim).toBe('Prevention of drugs from entering Japan through inspection at the border');
  });

  it('the 2016 firearms plan was formulated at the 8th meeting in June 2016', async () => {
    expect(
      await one('MATCH (m:Meeting)-[a:ADOPTED]->(p:Plan {key: "plan:firearms-2016"}) RETURN m.key AS by, a.on AS on, a.session AS session'),
    ).toEqual({ by: 'meeting:firearms-promotion', on: '2016-06', session: 8 });
  });

  it('the safest-country strategy: Dec 2013, approved by cabinet the same day, horizon 2020', async () => {
    expect(
      await one(`MATCH (c:Organisation {key: "organisation:cabinet"})-[a:APPROVED]->(p:Plan {key: "plan:safest-country-strategy"})
                 RETURN p.adopted AS adopted, a.on AS approved, p.horizon AS horizon`),
    ).toEqual({ adopted: '2013-12', approved: '2013-12', horizon: '2020' });
  });

  it('the CMAA with Spain dates from May 2015', async () => {
    expect(await one('MATCH (:Country {key: "country:japan"})-[a:AGREEMENT {kind: "CMAA"}]->(:Country {name: "Spain"}) RETURN a.enacted AS enacted')).toEqual({
      enacted: '2015-05',
    });
  });

  it('the intergovernmental agreement with New Zealand: Apr 2004, revised Jun 2014', async () => {
    expect(
      await one(`MATCH (:Country {key: "country:japan"})-[a:AGREEMENT {kind: "INTERGOVERNMENTAL"}]->(:Country {key: "country:new-zealand"})
                 RETURN a.enacted AS enacted, a.revisions AS revisions`),
    ).toEqual({ enacted: '2004-04', revisions: ['2014-06'] });
  });

  it('Australia has two separate agreements: intergovernmental (Jun 2003) and EPA (Jan 2015), besides the TPP', async () => {
    const rows = await db.read(
      `MATCH (:Country {key: "country:japan"})-[a:AGREEMENT]->(:Country {key: "country:australia"})
       RETURN a.agreementKey AS agreement, a.kind AS kind, a.enacted AS enacted ORDER BY agreement`,
      {},
    );
    expect(rows).toEqual([
      { agreement: 'agreement:epa:australia', kind: 'EPA', enacted: '2015-01' },
      { agreement: 'agreement:intergovernmental:australia', kind: 'INTERGOVERNMENTAL', enacted: '2003-06' },
      { agreement: 'agreement:tpp', kind: 'EPA', enacted: '2015-02' },
    ]);
  });

  it('the TPP has 12 signatories: Japan and one edge to each of the 11 others, sharing one agreementKey', async () => {
    const row = await one(`MATCH (j:Country)-[a:AGREEMENT {agreementKey: "agreement:tpp"}]->(c:Country)
      RETURN collect(DISTINCT j.key) AS from, count(a) AS edges, count(DISTINCT a.key) AS keys, collect(c.name) AS others`);
    expect(row.from).toEqual(['country:japan']);
    expect(row.edges).toBe(11);
    expect(row.keys).toBe(11);
    expect(new Set([...(row.others as string[]), 'Japan']).size).toBe(12);
    expect(row.others).toEqual(expect.arrayContaining(['Chile', 'Mexico', 'Brunei', 'United States', 'New Zealand']));
  });

  it('RILO for Asia and the Pacific: established Dec 1987, hosted by Tokyo Customs Jan 1999 – Jan 2004, then in Beijing', async () => {
    const rows = await db.read(
      `MATCH (host)-[h:HOSTED]->(r:Organisation {key: "organisation:rilo-ap"})
       RETURN host.name AS host, h.from AS from, h.until AS until, r.established AS established ORDER BY from`,
      {},
    );
    expect(rows).toEqual([
      { host: 'Hong Kong', from: '1987-12', until: '1999-01', established: '1987-12' },
      { host: 'Tokyo Customs', from: '1999-01', until: '2004-01', established: '1987-12' },
      { host: 'Beijing Customs Office', from: '2004-01', until: null, established: '1987-12' },
    ]);
    expect(await one('MATCH (:Organisation {key: "organisation:japan-customs"})-[m:MEMBER_OF]->(:Organisation {key: "organisation:rilo-ap"}) RETURN count(m) AS n')).toEqual({
      n: 1,
    });
  });

  it('capabilities keep the dates the source gives, and none where it gives none', async () => {
    const rows = await db.read('MATCH (c:Capability) RETURN c.key AS key, c.introduced AS introduced', {});
    const introduced = Object.fromEntries(rows.map((r) => [r.key, r.introduced]));
    expect(introduced).toMatchObject({
      'capability:xray-large-container': '2001-02',
      'capability:xray-mobile-backscatter': '2006-03',
      'capability:drug-detector-dogs': '1979',
      'capability:port-monitoring-cameras': '1996-03',
      'capability:internet-reporting': '2007-05',
      'capability:xray-ordinary': null,
      'capability:smuggling-hotline': null,
    });
    expect(await one('MATCH (c:Capability {key: "capability:smuggling-hotline"}) RETURN c.contact AS contact')).toEqual({ contact: '0120-461-961' });
  });

  it('the passengers row of the objects-of-control table', async () => {
    const rows = await db.read(
      `MATCH (i:Indicator {measure: "Arriving passengers"})-[:HAS_OBSERVATION]->(o:Observation)
       RETURN i.unit AS unit, o.year AS year, o.value AS value, o.index AS index ORDER BY year`,
      {},
    );
    expect(rows.map((r) => [r.year, r.value, r.index])).toEqual([
      [2005, 2491, 100],
      [2011, 2420, 97.1],
      [2012, 2772, 111.3],
      [2013, 2881, 115.7],
      [2014, 3121, 125.3],
      [2015, 3610, 144.9],
    ]);
    expect(rows[0]?.unit).toBe('10000 people');
  });
});

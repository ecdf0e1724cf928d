/** Every relationship navigable both ways, with answers taken from the source text. */
import { describe, expect, it } from 'vitest';
import { useTestServer, type TestServer } from '../support/server.js';

const api = useTestServer();

const data: TestServer['data'] = (query, variables) => api.data(query, variables);

describe('meetings', () => {
  it('the firearms meeting: chief, members, parent, predecessor, administration as of a date', async () => {
    const d = await data(`query FirearmsMeeting {
      node(id: "meeting:firearms-promotion") { ... on Meeting {
        name established { value precision }
        chief { name isMinister }
        members { __typename ... on Office { key } ... on Organisation { key } }
        parent { key }
        predecessor { older { key } on { value } }
        before: administeredBy(asOf: "2012-06") { organisation { key } }
        after: administeredBy(asOf: "2013-01") { organisation { key } from { value } }
        provenance { section documentTitle }
      } } }`);
    const m = d.node;
    expect(m.name).toBe('Meeting for the Promotion of Measures against Firearms');
    expect(m.established).toEqual({ value: '2008', precision: 'YEAR' });
    expect(m.chief.name).toBe('Chair of the National Public Safety Commission');
    // "Members:" lists 16 posts, from the Assistant Chief Cabinet Secretary to the Director-General of
    // the Nature Conservation Bureau of the Ministry of the Environment.
    const memberKeys = m.members.map((x: { key: string }) => x.key);
    expect(memberKeys).toHaveLength(16);
    expect(memberKeys).toContain('office:assistant-chief-cabinet-secretary');
    expect(memberKeys).toContain('office:vice-commandant-jcg');
    expect(memberKeys).toContain('office:dg-customs-tariff-bureau');
    expect(m.parent.key).toBe('meeting:ministerial-crime');
    expect(m.predecessor.older.key).toBe('meeting:firearms-hq');
    // "In December 2012, the jurisdiction was transferred from the Cabinet Secretariat to the National Police Agency."
    expect(m.before.map((e: any) => e.organisation.key)).toEqual(['organisation:cabinet-secretariat']);
    expect(m.after.map((e: any) => e.organisation.key)).toEqual(['organisation:npa']);
    expect(m.after[0].from.value).toBe('2012-12');
    expect(m.provenance.section).toMatch(/^1\.\(3\)/);
  });

  it('the drug-abuse meeting: one chief, six deputy chiefs, three members', async () => {
    const d = await data(`{ node(id: "meeting:drug-abuse-promotion") { ... on Meeting {
      chief { name } deputies { key } members { ... on Office { key } }
      chairs { role office { key } } predecessor { older { name } on { value } } } } }`);
    expect(d.node.chief.name).toBe('Minister of State for Measures against Drug Abuse');
    expect(d.node.deputies).toHaveLength(6);
    expect(d.node.deputies.map((o: any) => o.key)).toContain('office:npsc-chair');
    expect(d.node.members).toHaveLength(3);
    expect(d.node.chairs.filter((c: any) => c.role === 'CHIEF')).toHaveLength(1);
    expect(d.node.predecessor.older.name).toBe('Headquarters for the Promotion of Measures to Prevent Drug Abuse');
    expect(d.node.predecessor.on.value).toBe('2008-12');
  });

  it('the crime ministerial meeting is chaired by the Prime Minister and has the Cabinet as a member', async () => {
    const d = await data(`{ node(id: "meeting:ministerial-crime") { ... on Meeting {
      chief { key } firstConvened { value } members { ... on Organisation { key } }
      subMeetings { key } } } }`);
    expect(d.node.chief.key).toBe('office:prime-minister');
    expect(d.node.firstConvened.value).toBe('2003-09');
    expect(d.node.members.map((m: any) => m.key)).toEqual(['organisation:cabinet']);
    expect(d.node.subMeetings.map((m: any) => m.key).sort()).toEqual(['meeting:drug-abuse-promotion', 'meeting:firearms-promotion']);
  });
});

describe('offices and organisations', () => {
  it('an office knows its ministry and the meetings it chairs and sits on', async () => {
    const d = await data(`{ node(id: "office:npsc-chair") { ... on Office {
      isMinister organisation { key } chairs { role meeting { key } } } } }`);
    const roles = Object.fromEntries(d.node.chairs.map((c: any) => [c.meeting.key, c.role]));
    expect(roles).toEqual({ 'meeting:firearms-promotion': 'CHIEF', 'meeting:drug-abuse-promotion': 'DEPUTY' });
    expect(d.node.isMinister).toBe(true);
    expect(d.node.organisation.key).toBe('organisation:npsc');
  });

  it('the RILO for Asia and the Pacific: where it was hosted, as of a date', async () => {
    const d = await data(`{ node(id: "organisation:rilo-ap") { ... on Organisation {
      all: hostedBy { host { key } from { value } until { value } }
      in1990: hostedBy(asOf: "1990") { host { key } }
      in2001: hostedBy(asOf: "2001-06") { host { key } }
      in2010: hostedBy(asOf: "2010") { host { key } } } } }`);
    // Established in Hong Kong in December 1987; hosted by Tokyo Customs for the five years from
    // January 1999; relocated to Beijing Customs Office in January 2004.
    expect(d.node.in1990.map((h: any) => h.host.key)).toEqual(['country:hong-kong']);
    expect(d.node.in2001.map((h: any) => h.host.key)).toEqual(['organisation:tokyo-customs']);
    expect(d.node.in2010.map((h: any) => h.host.key)).toEqual(['organisation:beijing-customs-office']);
    const tokyo = d.node.all.find((h: any) => h.host.key === 'organisation:tokyo-customs');
    expect(tokyo).toMatchObject({ from: { value: '1999-01' }, until: { value: '2004-01' } });
  });

  it('MOU partners: the six named associations and the stated total of 28', async () => {
    const d = await data(`{ ctb: node(id: "organisation:customs-tariff-bureau") { ... on Organisation { mous { kind partners { name } } } }
      group: node(id: "organisation:regional-customs-mou-partners") { ... on Organisation { statedCount kind } } }`);
    expect(d.ctb.mous.length).toBeGreaterThanOrEqual(6);
    expect(d.ctb.mous.every((a: any) => a.kind === 'MOU')).toBe(true);
    const names = d.ctb.mous.flatMap((a: any) => a.partners.map((p: any) => p.name));
    expect(names).toContain('Japan Fisheries Association');
    expect(d.group).toEqual({ statedCount: 28, kind: 'GROUP' });
  });
});

describe('plans, partners, capabilities, indicators', () => {
  it('a plan: categories in order, adopting body, supersedes both ways', async () => {
    const d = await data(`{ node(id: "plan:drug-strategy-4") { ... on Plan {
      adopted { value } categories { ordinal name } adoptedBy { meeting { key } }
      supersedes { older { key } } } }
      first: node(id: "plan:drug-strategy-1") { ... on Plan { adopted { value precision } supersededBy { newer { key } } } }
      accel: node(id: "plan:drug-acceleration-plan") { ... on Plan { adopted { value } } } }`);
    expect(d.node.adopted.value).toBe('2013-08');
    expect(d.node.categories.map((c: any) => c.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(d.node.categories[3].name).toMatch(/border/);
    expect(d.node.adoptedBy.meeting.key).toBe('meeting:drug-abuse-promotion');
    expect(d.first).toEqual({ adopted: { value: '1998-05', precision: 'MONTH' }, supersededBy: { newer: { key: 'plan:drug-strategy-2' } } });
    // "the Drug Abuse Prevention Strategy Acceleration Plan": the source gives no date.
    expect(d.accel.adopted).toBeNull();
  });

  it('a partner: New Zealand has an intergovernmental agreement of Apr. 2004, revised Jun. 2014, and the TPP', async () => {
    const d = await data(`{ node(id: "country:new-zealand") { ... on Country {
      agreements { id kind enacted { value } revisions { value } multilateral }
      agreementKinds
      before2015: agreements(asOf: "2014-12") { id } } } }`);
    const ig = d.node.agreements.find((a: any) => a.kind === 'INTERGOVERNMENTAL');
    expect(ig.enacted.value).toBe('2004-04');
    expect(ig.revisions.map((r: any) => r.value)).toEqual(['2014-06']);
    expect(d.node.agreements.find((a: any) => a.multilateral)?.id).toBe('agreement:tpp');
    expect(d.node.agreementKinds.sort()).toEqual(['EPA', 'INTERGOVERNMENTAL']);
    expect(d.node.before2015.map((a: any) => a.id)).toEqual([ig.id]);
  });

  it('the TPP: one agreement with twelve signatories, Japan first', async () => {
    const d = await data(`{ node(id: "agreement:tpp") { ... on Agreement {
      kind multilateral enacted { value } parties { key } partners { key } inForce(asOf: "2015-03") } } }`);
    expect(d.node.kind).toBe('EPA');
    expect(d.node.parties).toHaveLength(12);
    expect(d.node.parties[0].key).toBe('country:japan');
    expect(d.node.partners).toHaveLength(11);
    expect(d.node.enacted.value).toBe('2015-02');
    expect(d.node.inForce).toBe(true);
  });

  it('capabilities with the dates they came', async () => {
    const d = await data(`{ capabilities(first: 100, orderBy: { field: DATE }) { edges { node { key introduced { value } operatedBy { key } } } } }`);
    const byKey = Object.fromEntries(d.capabilities.edges.map((e: any) => [e.node.key, e.node]));
    expect(byKey['capability:drug-detector-dogs'].introduced.value).toBe('1979');
    expect(byKey['capability:xray-large-container'].introduced.value).toBe('2001-02');
    expect(byKey['capability:xray-mobile-backscatter'].introduced.value).toBe('2006-03');
    expect(byKey['capability:port-monitoring-cameras'].introduced.value).toBe('1996-03');
    expect(byKey['capability:internet-reporting'].introduced.value).toBe('2007-05');
    const dated = d.capabilities.edges.map((e: any) => e.node.introduced?.value).filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(d.capabilities.edges[0].node.key).toBe('capability:drug-detector-dogs');
  });

  it('indicators: values and indexes as printed, and the recomputed index agrees', async () => {
    const d = await data(`{ node(id: "indicator:arriving-passengers") { ... on Indicator {
      unit baseYear observations { year value index computedIndex } } } }`);
    expect(d.node.unit).toBe('10000 people');
    const years = d.node.observations.map((o: any) => o.year);
    expect(years).toEqual([2005, 2011, 2012, 2013, 2014, 2015]);
    const y2015 = d.node.observations.at(-1);
    expect(y2015).toMatchObject({ value: 3610, index: 144.9, computedIndex: 144.9 });
  });
});

describe('node lookups', () => {
  it('node(id) returns null for an unknown id, and nodes() keeps the order asked', async () => {
    const d = await data(`{ unknown: node(id: "meeting:does-not-exist") { id }
      many: nodes(ids: ["country:spain", "nope:nope", "office:prime-minister"]) { id __typename } }`);
    expect(d.unknown).toBeNull();
    expect(d.many).toEqual([{ id: 'country:spain', __typename: 'Country' }, null, { id: 'office:prime-minister', __typename: 'Office' }]);
  });
});

/**
 * `node(id:)` and `nodes(ids:)` read what the selected fields navigate together with the entity
 * itself (one round trip); a list reads it afterwards, a field level at a time. The answers must
 * be the same either way, for every navigation field of every type.
 */
describe('read with the entity or after it: the same answers', () => {
  // Every field of every entity in one operation: past the default cost limit, on purpose.
  const wide = useTestServer({ MAX_COST: '1000000' });
  const prov = 'provenance { section quote }';
  const FIELDS: Record<string, { root: string; fields: string }> = {
    Office: { root: 'offices', fields: `organisation { id } chairs { role meeting { id } office { id } ${prov} } memberOf { id }` },
    Organisation: {
      root: 'organisations',
      fields: `parent { id } units { id } posts { id } memberOf { id }
        administers { meeting { id } organisation { id } from { value } until { value } ${prov} }
        mous { id name kind enacted { value } parties { id } partners { id } }
        capabilities { id } hostedBy { host { id } hosted { id } from { value } } recent: hostedBy(asOf: "2012") { host { id } }
        hosted { host { id } hosted { id } until { value } } country { id }`,
    },
    Meeting: {
      root: 'meetings',
      fields: `chief { id } deputies { id } chairs { role office { id } meeting { id } } members { __typename ... on Office { id } ... on Organisation { id } }
        parent { id } subMeetings { id } predecessor { older { id } newer { id } on { value } ${prov} } successor { newer { id } on { value } }
        plansAdopted { plan { id } meeting { id } on { value } } administeredBy { organisation { id } from { value } until { value } }
        then: administeredBy(asOf: "2010") { organisation { id } } organisedBy { id }`,
    },
    Plan: {
      root: 'plans',
      fields: `adoptedBy { meeting { id } on { value } } categories { id ordinal name plans { id } }
        supersedes { older { id } on { value } } supersededBy { newer { id } on { value } }`,
    },
    Country: {
      root: 'countries',
      fields: `agreements { id kind enacted { value } revisions { value } partners { id } } cmaa: agreements(kinds: [CMAA]) { id }
        agreementKinds organisations { id }`,
    },
    Capability: { root: 'capabilities', fields: 'operatedBy { id }' },
    Indicator: { root: 'indicators', fields: 'observations { year value index computedIndex preliminary } some: observations(years: [2005, 2015]) { year }' },
  };

  it.each(Object.entries(FIELDS))('%s', async (type, { root, fields }) => {
    const listed = await wide.data(`{ ${root}(first: 100) { edges { node { id ... on ${type} { ${fields} } } } } }`);
    const nodes = listed[root].edges.map((e: { node: { id: string } }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    const ids = nodes.map((n: { id: string }) => n.id);
    const together = await wide.data(`query N($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${type} { ${fields} } } }`, { ids });
    expect(together.nodes).toEqual(nodes);
    for (const node of nodes.slice(0, 3)) {
      const one = await wide.data(`query N($id: ID!) { node(id: $id) { id ...F } } fragment F on ${type} { ${fields} }`, { id: node.id });
      expect(one.node).toEqual(node);
    }
  });
});

 
/**
 * Analyst queries through GraphQL, against the seed graph: history (lineage, timeline, state as of a date) and
 * aggregates (the graph walks are in queries.test.ts). Expected answers come from the source
 * text (sections 1.(2), 1.(3) and 2.(5)), not from the seed files.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, type TestServer } from '../support/server.js';

const api = useTestServer();

const data: TestServer['data'] = (query, variables) => api.data(query, variables);

const errorOf: TestServer['error'] = (query, variables) => api.error(query, variables);

describe('lineage', () => {
  it('the drug-abuse strategies, oldest first, from any member of the chain', async () => {
    for (const id of ['plan:drug-strategy-1', 'plan:drug-strategy-3', 'plan:drug-strategy-4']) {
      const d = await data(`query Lineage($id: ID!) { lineage(id: $id) { subject { id } steps {
        position node { id name } date { value precision } supersedes { id } supersededOn { value } supersededBy { id } provenance { section }
      } } }`, { id });
      const steps = d.lineage.steps;
      expect(d.lineage.subject.id).toBe(id);
      expect(steps.map((s: any) => s.date.value)).toEqual(['1998-05', '2003-07', '2008-08', '2013-08']);
      expect(steps.map((s: any) => s.node.name)).toEqual([
        'Five-year Drug Abuse Prevention Strategy',
        'New Five-year Drug Abuse Prevention Strategy',
        'Third Five-year Drug Abuse Prevention Strategy',
        'Fourth Five-year Drug Abuse Prevention Strategy',
      ]);
      expect(steps[0]).toMatchObject({ position: 1, supersedes: null, supersededOn: null, provenance: null, supersededBy: { id: 'plan:drug-strategy-2' } });
      expect(steps[3]).toMatchObject({ supersedes: { id: 'plan:drug-strategy-3' }, supersededOn: { value: '2013-08' }, supersededBy: null });
      expect(steps[1].date.precision).toBe('MONTH');
      expect(steps[1].provenance.section).toBe('1.(2)');
    }
  });

  it('the firearms headquarters (September 1995) re-formed as the meeting in 2008', async () => {
    const d = await data(`{ lineage(id: "meeting:firearms-promotion") { steps { node { id } date { value } ended { value } supersededOn { value precision } } } }`);
    expect(d.lineage.steps).toEqual([
      { node: { id: 'meeting:firearms-hq' }, date: { value: '1995-09' }, ended: { value: '2008' }, supersededOn: null },
      { node: { id: 'meeting:firearms-promotion' }, date: { value: '2008' }, ended: null, supersededOn: { value: '2008', precision: 'YEAR' } },
    ]);
  });

  it('only plans and meetings have a lineage', async () => {
    const e = await errorOf(`{ lineage(id: "country:japan") { steps { position } } }`);
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const TIMELINE = `query Timeline($from: PartialDate, $to: PartialDate, $kinds: [TimelineEventKind!], $limit: Int) {
  timeline(from: $from, to: $to, kinds: $kinds, limit: $limit) {
    truncated
    events { kind date { value precision } subject { id } related { id } agreement { id kind } description provenance { section quote } }
  }
}`;

describe('timeline', () => {
  it('agreements enacted in 2008, in order: Hong Kong (Jan), EU (Feb), Indonesia and Brunei (Jul), Macao (Sept), Philippines (Dec)', async () => {
    const d = await data(TIMELINE, { from: '2008', to: '2008', kinds: ['ENACTED'] });
    const events = d.timeline.events;
    expect(events.map((e: any) => [e.date.value, e.related.id, e.agreement.kind])).toEqual([
      ['2008-01', 'country:hong-kong', 'INTERGOVERNMENTAL'],
      ['2008-02', 'country:eu', 'CMAA'],
      ['2008-07', 'country:brunei', 'EPA'],
      ['2008-07', 'country:indonesia', 'EPA'],
      ['2008-09', 'country:macao', 'INTERGOVERNMENTAL'],
      ['2008-12', 'country:philippines', 'EPA'],
    ]);
    expect(events.every((e: any) => e.subject.id === 'country:japan' && e.date.precision === 'MONTH')).toBe(true);
    expect(events[0].provenance).toEqual({ section: '2.(5).b', quote: 'Hong Kong (Jan. 2008)' });
    expect(events[0].description).toMatch(/Hong Kong.*enacted/);
  });

  it('is in date order, keeps each precision, and a year matches any month range inside it', async () => {
    const all = await data(TIMELINE, {});
    const dates = all.timeline.events.map((e: any) => e.date.value);
    expect(dates).toEqual([...dates].sort());
    expect(all.timeline.truncated).toBe(false);
    const december = await data(TIMELINE, { from: '2008-12', to: '2008-12' });
    const kinds = december.timeline.events.map((e: any) => `${e.kind} ${e.subject.id} ${e.date.value}`);
    // December 2008: the drug Headquarters reorganised; "2008" (year only) may be December too.
    expect(kinds).toContain('REORGANISED meeting:drug-abuse-promotion 2008-12');
    expect(kinds).toContain('REORGANISED meeting:firearms-promotion 2008');
    expect(kinds).toContain('ENACTED country:japan 2008-12');
    expect(kinds.some((k: string) => k.endsWith('2008-07'))).toBe(false);
  });

  it('derives every kind of event the source dates', async () => {
    const d = await data(TIMELINE, {});
    const find = (kind: string, subject: string) => d.timeline.events.find((e: any) => e.kind === kind && e.subject.id === subject);
    expect(find('ESTABLISHED', 'meeting:drug-abuse-hq').date.value).toBe('1997-01');
    expect(find('CONVENED', 'meeting:ministerial-crime').date.value).toBe('2003-09');
    expect(find('ADOPTED', 'plan:drug-strategy-1')).toMatchObject({ date: { value: '1998-05' }, related: { id: 'meeting:drug-abuse-hq' } });
    expect(find('APPROVED', 'plan:safest-country-strategy')).toMatchObject({ date: { value: '2013-12' }, related: { id: 'organisation:cabinet' } });
    expect(find('INTRODUCED', 'capability:drug-detector-dogs')).toMatchObject({ date: { value: '1979', precision: 'YEAR' }, related: { id: 'organisation:japan-customs' } });
    expect(find('JURISDICTION_MOVED', 'meeting:firearms-promotion')).toMatchObject({ date: { value: '2012-12' }, related: { id: 'organisation:npa' } });
    expect(find('RELOCATED', 'organisation:rilo-ap')).toBeDefined();
    const revised = d.timeline.events.find((e: any) => e.kind === 'REVISED');
    expect(revised).toMatchObject({ date: { value: '2014-06' }, related: { id: 'country:new-zealand' } });
    // The TPP is one event, not one per signatory.
    expect(d.timeline.events.filter((e: any) => e.agreement?.id === 'agreement:tpp')).toHaveLength(1);
  });

  it('is bounded by limit; a reversed range is refused', async () => {
    const d = await data(TIMELINE, { limit: 3 });
    expect(d.timeline.events).toHaveLength(3);
    expect(d.timeline.truncated).toBe(true);
    const e = await errorOf(TIMELINE, { from: '2010', to: '2008' });
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const STATE = `query State($date: PartialDate!) { stateAsOf(date: $date) {
  date { value }
  meetings { meeting { id } since { value } administeredBy { organisation { id } } parent { id } }
  agreements { id }
  hostings { host { id } hosted { id } from { value } }
} }`;

describe('stateAsOf', () => {
  it('where the RILO for Asia and the Pacific was hosted: Hong Kong (1990), Tokyo Customs (2001-06), Beijing Customs Office (2010-01)', async () => {
    const hostOn = async (date: string) =>
      (await data(STATE, { date })).stateAsOf.hostings.filter((h: any) => h.hosted.id === 'organisation:rilo-ap').map((h: any) => h.host.id);
    expect(await hostOn('1990')).toEqual(['country:hong-kong']);
    expect(await hostOn('2001-06')).toEqual(['organisation:tokyo-customs']);
    expect(await hostOn('2010-01')).toEqual(['organisation:beijing-customs-office']);
    expect(await hostOn('1980')).toEqual([]);
  });

  it('meetings that existed, and who administered the firearms meeting before and after December 2012', async () => {
    const in2010 = (await data(STATE, { date: '2010' })).stateAsOf;
    const ids2010 = in2010.meetings.map((m: any) => m.meeting.id);
    expect(ids2010).toContain('meeting:drug-abuse-promotion');
    expect(ids2010).not.toContain('meeting:drug-abuse-hq');
    const firearms2010 = in2010.meetings.find((m: any) => m.meeting.id === 'meeting:firearms-promotion');
    expect(firearms2010.administeredBy.map((a: any) => a.organisation.id)).toEqual(['organisation:cabinet-secretariat']);
    expect(firearms2010.parent).toEqual({ id: 'meeting:ministerial-crime' });
    const in2013 = (await data(STATE, { date: '2013-01' })).stateAsOf;
    const firearms2013 = in2013.meetings.find((m: any) => m.meeting.id === 'meeting:firearms-promotion');
    expect(firearms2013.administeredBy.map((a: any) => a.organisation.id)).toEqual(['organisation:npa']);
    const in2000 = (await data(STATE, { date: '2000' })).stateAsOf.meetings.map((m: any) => m.meeting.id);
    expect(in2000).toContain('meeting:drug-abuse-hq');
    expect(in2000).toContain('meeting:firearms-hq');
    expect(in2000).not.toContain('meeting:firearms-promotion');
  });

  it('agreements in force: in January 2003 only the U.S. CMAA (Jun. 1997) and the Singapore EPA (Nov. 2002)', async () => {
    const d = await data(STATE, { date: '2003-01' });
    expect(d.stateAsOf.agreements.map((a: any) => a.id).sort()).toEqual(['agreement:cmaa:us', 'agreement:epa:singapore'].sort());
  });
});

describe('aggregates', () => {
  it('agreementStats: by kind, by year, and the partner × kind matrix', async () => {
    const d = await data(`query Stats { agreementStats {
      total undated
      byKind { kind count }
      byYear { year count byKind { kind count } agreements { id } }
      coverage { partner { id } total kinds { kind count } }
    } }`);
    const s = d.agreementStats;
    // 10 CMAAs, 7 intergovernmental agreements, 12 bilateral EPAs + the TPP, 6 + 1 MOU lines (undated).
    expect(s.byKind).toEqual([
      { kind: 'CMAA', count: 10 },
      { kind: 'INTERGOVERNMENTAL', count: 7 },
      { kind: 'EPA', count: 13 },
      { kind: 'MOU', count: 7 },
    ]);
    expect(s.total).toBe(37);
    expect(s.undated).toBe(7);
    const y2008 = s.byYear.find((y: any) => y.year === 2008);
    expect(y2008.count).toBe(6);
    expect(y2008.byKind.filter((k: any) => k.count > 0)).toEqual([
      { kind: 'CMAA', count: 1 },
      { kind: 'INTERGOVERNMENTAL', count: 2 },
      { kind: 'EPA', count: 3 },
    ]);
    expect(y2008.agreements).toHaveLength(6);
    expect(s.byYear.map((y: any) => y.year)).toEqual([...s.byYear.map((y: any) => y.year)].sort((a: number, b: number) => a - b));
    const australia = s.coverage.find((c: any) => c.partner.id === 'country:australia');
    expect(australia.total).toBe(3);
    expect(australia.kinds).toEqual([
      { kind: 'CMAA', count: 0 },
      { kind: 'INTERGOVERNMENTAL', count: 1 },
      { kind: 'EPA', count: 2 },
      { kind: 'MOU', count: 0 },
    ]);
  });

  it('graphStats: counts per label and relationship type', async () => {
    const d = await data(`{ graphStats { nodes relationships labels { name count } relationshipTypes { name count } } }`);
    const labels = Object.fromEntries(d.graphStats.labels.map((l: any) => [l.name, l.count]));
    const types = Object.fromEntries(d.graphStats.relationshipTypes.map((t: any) => [t.name, t.count]));
    expect(labels['Meeting']).toBe(8);
    expect(types['HOSTED']).toBe(3);
    expect(types['SUPERSEDES']).toBe(6);
    // 10 CMAAs + 7 intergovernmental + 12 EPAs + 11 TPP partners + 7 MOUs.
    expect(types['AGREEMENT']).toBe(47);
    expect(d.graphStats.relationships).toBe(Object.values(types).reduce((a: number, b: any) => a + b, 0));
  });

  it('graphStats.labels: the node types only (no technical `Entity` or `Minister` label), each node counted once', async () => {
    const d = await data(`{ graphStats { nodes labels { name count } } }`);
    const names: string[] = d.graphStats.labels.map((l: any) => l.name);
    expect(names).not.toContain('Entity');
    expect(names).not.toContain('Minister');
    // Every name is an object type of the schema (Office, Meeting, Observation, …).
    const schema = await data(`{ __schema { types { name kind } } }`);
    const objectTypes = schema.__schema.types.filter((t: any) => t.kind === 'OBJECT').map((t: any) => t.name);
    expect(objectTypes).toEqual(expect.arrayContaining(names));
    expect(d.graphStats.labels.reduce((a: number, l: any) => a + l.count, 0)).toBe(d.graphStats.nodes);
  });
});

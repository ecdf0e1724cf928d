/**
 * The operations of operations/ through a real GraphQL client (graphql-request) against the real
 * server, typed by the generated client: a misspelt field below fails `tsc`, not just the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from 'graphql-request';
import {
  AgreementDetailDocument,
  AgreementsTableDocument,
  MeetingPageDocument,
  PartnerAgreementsDocument,
  PlanLineageDocument,
  SearchAsYouTypeDocument,
  ShortestPathDocument,
  StateAsOfDocument,
  StructureAsOfDocument,
  WhoChairsTheFirearmsMeetingDocument,
  type AgreementsTableQuery,
} from '../../src/generated/client/graphql.js';
import { useTestServer } from '../support/server.js';
import { clientFor, expectType } from './typed-client.js';

const server = useTestServer();
let client: GraphQLClient;

beforeAll(() => {
  client = clientFor(server.url);
});

describe('typed operations through graphql-request', () => {
  it('who chairs the firearms meeting: the Chair of the National Public Safety Commission, as chief', async () => {
    const data = await client.request(WhoChairsTheFirearmsMeetingDocument);
    const meeting = expectType(data.node, 'Meeting');
    expect(meeting.name).toBe('Meeting for the Promotion of Measures against Firearms');
    const chief = meeting.chairs.filter((c) => c.role === 'CHIEF');
    expect(chief.map((c) => c.office.name)).toEqual(['Chair of the National Public Safety Commission']);
    expect(chief[0]!.provenance.quote).toContain('Chief: Chair of the National Public Safety Commission');
    // The typed client knows the shape: a field the operation does not select is a type error.
    // @ts-expect-error `kind` is not selected by WhoChairsTheFirearmsMeeting
    expect(meeting.kind).toBeUndefined();
  });

  it('meeting page: chief, six deputy chiefs, members and the plans it adopted', async () => {
    const data = await client.request(MeetingPageDocument, { id: 'meeting:drug-abuse-promotion' });
    const meeting = expectType(data.node, 'Meeting');
    expect(meeting.chief?.name).toBe('Minister of State for Measures against Drug Abuse');
    expect(meeting.deputies.map((d) => d.name).sort()).toEqual(
      [
        'Chair of the National Public Safety Commission',
        'Minister of Justice',
        'Minister of Finance',
        'Minister of Education, Culture, Sports, Science and Technology',
        'Minister of Health, Labor and Welfare',
        'Minister of Land, Infrastructure and Transport',
      ].sort(),
    );
    const memberNames = meeting.members.map((m) => m.name);
    expect(memberNames).toContain('Minister of Foreign Affairs');
    expect(meeting.members.every((m) => m.__typename === 'Office' || m.__typename === 'Organisation')).toBe(true);
    expect(meeting.plansAdopted.map((p) => p.plan.id)).toContain('plan:drug-strategy-4');
    expect(meeting.established).toEqual({ value: '2008-12', precision: 'MONTH' });
    expect(meeting.parent?.id).toBe('meeting:ministerial-crime');
    expect(meeting.predecessor?.older.id).toBe('meeting:drug-abuse-hq');
    expect(meeting.provenance.section).toBe('1.(2)');
  });

  it('plan lineage: the Fourth strategy goes back to the first (May 1998), with its five aims', async () => {
    const data = await client.request(PlanLineageDocument, { id: 'plan:drug-strategy-4' });
    const plan = expectType(data.node, 'Plan');
    expect(plan.name).toBe('Fourth Five-year Drug Abuse Prevention Strategy');
    expect(plan.categories.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.categories[3]!.name).toBe('Prevention of drugs from entering Japan through inspection at the border');
    expect(plan.supersededBy).toBeNull();

    const third = plan.supersedes?.older;
    expect(plan.supersedes?.on?.value).toBe('2013-08');
    expect(third?.name).toBe('Third Five-year Drug Abuse Prevention Strategy');
    const second = third?.__typename === 'Plan' ? third.supersedes?.older : undefined;
    expect(second?.name).toBe('New Five-year Drug Abuse Prevention Strategy');
    const first = second?.__typename === 'Plan' ? second.supersedes?.older : undefined;
    expect(first?.name).toBe('Five-year Drug Abuse Prevention Strategy');
    expect(first?.__typename === 'Plan' ? first.adopted : undefined).toEqual({ value: '1998-05', precision: 'MONTH' });

    // And forwards from the first: three generations later is the Fourth.
    const forward = expectType((await client.request(PlanLineageDocument, { id: 'plan:drug-strategy-1' })).node, 'Plan');
    const one = forward.supersededBy?.newer;
    const two = one?.__typename === 'Plan' ? one.supersededBy?.newer : undefined;
    const three = two?.__typename === 'Plan' ? two.supersededBy?.newer : undefined;
    const names = [one?.name, two?.name, three?.name];
    // The analytics `lineage` gives the whole chain at once, oldest first.
    expect(plan.__typename).toBe('Plan');
    expect(data.lineage.steps.map((s) => s.node.id)).toEqual(['plan:drug-strategy-1', 'plan:drug-strategy-2', 'plan:drug-strategy-3', 'plan:drug-strategy-4']);
    expect(data.lineage.steps.map((s) => s.supersededOn?.value ?? null)).toEqual([null, '2003-07', '2008-08', '2013-08']);
    expect(names).toEqual([
      'New Five-year Drug Abuse Prevention Strategy',
      'Third Five-year Drug Abuse Prevention Strategy',
      'Fourth Five-year Drug Abuse Prevention Strategy',
    ]);
  });

  it("a partner's agreements: Spain's CMAA was enacted in May 2015 (month precision)", async () => {
    const data = await client.request(PartnerAgreementsDocument, { id: 'country:spain' });
    const spain = expectType(data.node, 'Country');
    expect(spain.agreementKinds).toEqual(['CMAA']);
    const [cmaa, ...rest] = spain.agreements;
    expect(rest).toHaveLength(0);
    expect(cmaa?.id).toBe('agreement:cmaa:spain');
    expect(cmaa?.enacted).toEqual({ value: '2015-05', precision: 'MONTH' });
    expect(cmaa?.provenance.quote).toBe('Spain (May 2015)');

    const nz = expectType((await client.request(PartnerAgreementsDocument, { id: 'country:new-zealand', kinds: ['INTERGOVERNMENTAL'] })).node, 'Country');
    expect(nz.agreements.map((a) => a.id)).toEqual(['agreement:intergovernmental:new-zealand']);
    expect(nz.agreements[0]!.revisions.map((r) => r.value)).toEqual(['2014-06']);
  });

  it('the TPP has 12 signatories, Japan first', async () => {
    const data = await client.request(AgreementDetailDocument, { id: 'agreement:tpp' });
    const tpp = expectType(data.node, 'Agreement');
    expect(tpp.multilateral).toBe(true);
    expect(tpp.kind).toBe('EPA');
    expect(tpp.enacted?.value).toBe('2015-02');
    expect(tpp.parties).toHaveLength(12);
    expect(tpp.parties[0]!.name).toBe('Japan');
    expect(tpp.parties.map((p) => p.name)).toEqual(expect.arrayContaining(['Chile', 'Mexico', 'Peru', 'Vietnam', 'Canada']));
  });

  it('search-as-you-type: a typo still finds the firearms meeting', async () => {
    const data = await client.request(SearchAsYouTypeDocument, { text: 'firarms', types: ['MEETING'], first: 5 });
    expect(data.search.length).toBeGreaterThan(0);
    expect(data.search.map((h) => h.node.id)).toContain('meeting:firearms-promotion');
    expect(data.search.every((h) => h.node.__typename === 'Meeting')).toBe(true);
  });

  it('paginated agreements table: pages join up to totalCount, oldest first, no repeats', async () => {
    type Row = AgreementsTableQuery['agreements']['edges'][number]['node'];
    const rows: Row[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 20; page += 1) {
      const data: AgreementsTableQuery = await client.request(AgreementsTableDocument, { first: 7, after });
      total = data.agreements.totalCount;
      rows.push(...data.agreements.edges.map((e) => e.node));
      if (!data.agreements.pageInfo.hasNextPage) break;
      after = data.agreements.pageInfo.endCursor ?? null;
    }
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    const dated = rows.filter((r) => r.enacted).map((r) => r.enacted!.value);
    expect(dated).toEqual([...dated].sort());
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['agreement:cmaa:spain', 'agreement:tpp']));

    const cmaas = await client.request(AgreementsTableDocument, { first: 100, filter: { kinds: ['CMAA'] } });
    expect(cmaas.agreements.totalCount).toBe(10);
    expect(cmaas.agreements.edges[0]!.node.id).toBe('agreement:cmaa:us');
  });

  it('structure as of a date: who administered the firearms meeting before and after December 2012', async () => {
    const in2010 = await client.request(StructureAsOfDocument, { date: '2010' });
    const meeting2010 = expectType(in2010.firearmsMeeting, 'Meeting');
    expect(meeting2010.administeredBy.map((a) => a.organisation.name)).toEqual(['Cabinet Secretariat']);
    const existing2010 = in2010.meetings.edges.map((e) => e.node.id);
    expect(existing2010).toContain('meeting:firearms-promotion');
    expect(existing2010).not.toContain('meeting:firearms-hq');

    const in2014 = await client.request(StructureAsOfDocument, { date: '2014-01' });
    expect(expectType(in2014.firearmsMeeting, 'Meeting').administeredBy.map((a) => a.organisation.name)).toEqual(['National Police Agency']);

    const in2000 = await client.request(StructureAsOfDocument, { date: '2000' });
    const existing2000 = in2000.meetings.edges.map((e) => e.node.id);
    expect(existing2000).toContain('meeting:firearms-hq');
    expect(existing2000).not.toContain('meeting:firearms-promotion');
  });

  it('shortest path: the Prime Minister reaches the firearms meeting in two hops, through the Ministerial Meeting', async () => {
    const data = await client.request(ShortestPathDocument, { from: 'office:prime-minister', to: 'meeting:firearms-promotion' });
    const [path, ...others] = data.shortestPath.paths;
    expect(others).toHaveLength(0);
    expect(path?.length).toBe(2);
    expect(path?.nodes.map((n) => n.id)).toEqual(['office:prime-minister', 'meeting:ministerial-crime', 'meeting:firearms-promotion']);
    expect(path?.relationships.map((r) => `${r.type}:${r.direction}`)).toEqual(['CHAIRS:FORWARD', 'PART_OF:BACKWARD']);
  });

  it('as of a date (stateAsOf): the firearms meeting moved from the Cabinet Secretariat to the NPA in December 2012', async () => {
    const administrators = async (date: string) => {
      const data = await client.request(StateAsOfDocument, { date });
      const firearms = data.stateAsOf.meetings.find((m) => m.meeting.id === 'meeting:firearms-promotion');
      return { firearms, data };
    };
    const in2011 = await administrators('2011');
    expect(in2011.firearms?.administeredBy.map((a) => a.organisation.name)).toEqual(['Cabinet Secretariat']);
    expect(in2011.data.stateAsOf.agreements.map((a) => a.id)).not.toContain('agreement:cmaa:spain');
    const in2016 = await administrators('2016-06-07');
    expect(in2016.firearms?.administeredBy.map((a) => a.organisation.name)).toEqual(['National Police Agency']);
    expect(in2016.data.stateAsOf.agreements.map((a) => a.id)).toContain('agreement:cmaa:spain');
    expect(in2016.data.stateAsOf.meetings.map((m) => m.meeting.id)).not.toContain('meeting:firearms-hq');
  });
});

/**
 * One rule for "exists as of a date" (src/domain/vocabulary.ts, `lifeOf`/`existsOn`): every month from the
 * earliest date of the data to the source's own date (June 2016), every root with an `asOf` filter lists
 * exactly the entities `stateAsOf` lists for that month, on the compiled path and on the field resolvers, and
 * the timeline's opening and reorganisation events fall where the views open and close each life.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPartialDate, readDataset } from '../../src/seed/format.js';
import { MAIN_DATASET_DIR } from '../seed/helpers.js';
import { startTestServer, type TestServer } from '../support/server.js';

const SOURCE_MONTH = '2016-06';
/**
 * One root field per request: the compiled path runs the roots of one operation as one statement, and Neo4j
 * plans each new statement text once (seconds for a combined one on a busy machine); one root each, every
 * month reuses three plans. A few requests are in flight at once.
 */
const IN_FLIGHT = 4;

const paths: Record<'compiled' | 'resolvers', TestServer> = {} as never;
let months: string[] = [];

/** Every date value of the seed records (properties and lists of them), as the source gives it. */
function datesOf(props: Record<string, unknown>): string[] {
  return Object.values(props).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string' && isPartialDate(v));
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

beforeAll(async () => {
  const dataset = await readDataset(MAIN_DATASET_DIR);
  const dates = [...dataset.nodes, ...dataset.relationships].flatMap((r) => datesOf(r.props as Record<string, unknown>));
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  months = monthsBetween(`${earliest.slice(0, 4)}-${earliest.length > 4 ? earliest.slice(5, 7) : '01'}`, SOURCE_MONTH);
  paths.compiled = await startTestServer();
  paths.resolvers = await startTestServer({ EXECUTION: 'resolvers' });
});
afterAll(async () => {
  await Promise.all(Object.values(paths).map((p) => p?.stop()));
});

interface MonthView {
  meetings: string[];
  agreements: string[];
  stateMeetings: string[];
  stateAgreements: string[];
}

const viewsOf = new Map<TestServer, Promise<Map<string, MonthView>>>();

/** Every month's views on one path: the roots' asOf lists and stateAsOf, ids sorted (read once per path). */
function views(api: TestServer): Promise<Map<string, MonthView>> {
  if (!viewsOf.has(api)) viewsOf.set(api, readViews(api));
  return viewsOf.get(api)!;
}

async function readViews(api: TestServer): Promise<Map<string, MonthView>> {
  const ids = (edges: { node: { id: string } }[]) => edges.map((e) => e.node.id).sort();
  const read = async (month: string): Promise<MonthView> => {
    const [m, a, s] = await Promise.all([
      api.data(`query($d: PartialDate) { meetings(first: 100, filter: { asOf: $d }) { totalCount edges { node { id } } } }`, { d: month }),
      api.data(`query($d: PartialDate) { agreements(first: 100, filter: { asOf: $d }) { totalCount edges { node { id } } } }`, { d: month }),
      api.data(`query($d: PartialDate!) { stateAsOf(date: $d) { meetings { meeting { id } } agreements { id } } }`, { d: month }),
    ]);
    expect(m.meetings.totalCount).toBe(m.meetings.edges.length);
    expect(a.agreements.totalCount).toBe(a.agreements.edges.length);
    return {
      meetings: ids(m.meetings.edges),
      agreements: ids(a.agreements.edges),
      stateMeetings: s.stateAsOf.meetings.map((x: { meeting: { id: string } }) => x.meeting.id).sort(),
      stateAgreements: s.stateAsOf.agreements.map((x: { id: string }) => x.id).sort(),
    };
  };
  const out = new Map<string, MonthView>();
  // The first month alone: Neo4j plans each statement once, not once per request in flight.
  out.set(months[0]!, await read(months[0]!));
  for (let i = 1; i < months.length; i += IN_FLIGHT) {
    const batch = months.slice(i, i + IN_FLIGHT);
    const read4 = await Promise.all(batch.map(read));
    batch.forEach((month, j) => out.set(month, read4[j]!));
  }
  return out;
}

/** The months in which a view lists `id`. */
const monthsListing = (all: Map<string, MonthView>, id: string, part: keyof MonthView): string[] => [...all].filter(([, v]) => v[part].includes(id)).map(([m]) => m);

describe.each(['compiled', 'resolvers'] as const)('every month to the source date (%s path)', (path) => {
  let all: Map<string, MonthView>;
  beforeAll(async () => {
    all = await views(paths[path]);
  }, 240_000);

  it('meetings(filter: { asOf }) and agreements(filter: { asOf }) list exactly what stateAsOf lists', () => {
    expect(months[0]! < '2000', 'the walk starts at the earliest date of the data').toBe(true);
    const disagreements: string[] = [];
    for (const [month, v] of all) {
      if (v.meetings.join() !== v.stateMeetings.join()) disagreements.push(`${month} meetings: [${v.meetings}] vs stateAsOf [${v.stateMeetings}]`);
      if (v.agreements.join() !== v.stateAgreements.join()) disagreements.push(`${month} agreements: [${v.agreements}] vs stateAsOf [${v.stateAgreements}]`);
    }
    expect(disagreements).toEqual([]);
  });

  it('the Ministerial Meeting (first convened September 2003) is in no view before, and in every view since', () => {
    const id = 'meeting:ministerial-crime';
    const expected = months.filter((m) => m >= '2003-09');
    expect(monthsListing(all, id, 'meetings')).toEqual(expected);
    expect(monthsListing(all, id, 'stateMeetings')).toEqual(expected);
  });

  it('what the source does not date (the MOUs, the enforcement meetings) counts from the source date only', () => {
    for (const id of ['agreement:mou:japan-fisheries-association', 'agreement:mou:regional-customs-mou-partners']) {
      expect(monthsListing(all, id, 'agreements'), id).toEqual([SOURCE_MONTH]);
    }
    expect(monthsListing(all, 'meeting:law-enforcement-smuggling', 'meetings')).toEqual([SOURCE_MONTH]);
  });
});

describe('the timeline places lives where the views open and close them', () => {
  it("each dated meeting and agreement first appears in the month of its first ESTABLISHED, CONVENED or ENACTED event, and a reorganised headquarters leaves in the month before its successor's", async () => {
    const api = paths.compiled;
    const all = await views(api);
    const { timeline } = await api.data(`{ timeline(limit: 2000) { truncated events { kind date { value earliest } subject { id } related { id } agreement { id } } } }`);
    expect(timeline.truncated).toBe(false);
    const opened = new Map<string, string>();
    const closed = new Map<string, string>();
    for (const e of timeline.events) {
      const month = (e.date.earliest as string).slice(0, 7);
      if (e.kind === 'ENACTED') opened.set(e.agreement.id, opened.get(e.agreement.id) ?? month);
      if ((e.kind === 'ESTABLISHED' || e.kind === 'CONVENED') && e.subject.id.startsWith('meeting:')) opened.set(e.subject.id, opened.get(e.subject.id) ?? month);
      if (e.kind === 'REORGANISED' && e.related) closed.set(e.related.id, month);
    }
    expect(opened.size).toBeGreaterThan(30);
    for (const [id, month] of opened) {
      const listed = monthsListing(all, id, id.startsWith('meeting:') ? 'stateMeetings' : 'stateAgreements');
      expect(listed[0], id).toBe(month);
    }
    expect([...closed.keys()].sort()).toEqual(['meeting:drug-abuse-hq', 'meeting:firearms-hq']);
    for (const [id, month] of closed) {
      const listed = monthsListing(all, id, 'stateMeetings');
      const last = listed[listed.length - 1]!;
      expect(monthsBetween(last, month), id).toHaveLength(2);
    }
  }, 240_000);
});

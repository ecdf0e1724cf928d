/**
 * The explorer page's pure parts: the view kept in the URL (a shared link or a reload draws the same view),
 * what is shown for a date (the API's answer mapped onto the picture, nothing left floating) and labels.
 */
import { describe, expect, it } from 'vitest';
import { agreementLabel, shortLabel } from '../../src/explorer/page/labels.js';
import { anchorsOf, emptyView, parseStep, parseView, serialiseView, type Step, type ViewState } from '../../src/explorer/page/view-state.js';
import { visibleElements, type AsOfAnswer, type GraphEdge, type GraphNode } from '../../src/explorer/page/visibility.js';

describe('the view in the URL', () => {
  it('round-trips every kind of step, the date, hidden types, the tab and what is inspected', () => {
    const view: ViewState = {
      steps: [
        { verb: 'open', id: 'organisation:japan-customs', depth: 2 },
        { verb: 'expand', id: 'organisation:regional-customs', depth: 1 },
        { verb: 'collapse', id: 'organisation:regional-customs' },
        { verb: 'dismiss', id: 'capability:leaflets' },
      ],
      asOf: '2005-06',
      hidden: ['OPERATES', 'HOSTED'],
      tab: 'table',
      inspected: 'organisation:japan-customs',
    };
    const query = serialiseView(view);
    expect(query).toContain('step=open:2:organisation:japan-customs');
    expect(parseView(query)).toEqual({ view: { ...view, hidden: ['HOSTED', 'OPERATES'] }, ignored: [] });
    const drawing: Step[] = [
      { verb: 'common', ids: ['meeting:drug-abuse-promotion', 'meeting:firearms-promotion'] },
      { verb: 'path', from: 'office:prime-minister', to: 'meeting:firearms-promotion' },
      { verb: 'lineage', id: 'plan:drug-strategy-4' },
    ];
    for (const step of drawing) {
      expect(parseView(serialiseView({ ...emptyView(), steps: [step] })).view.steps).toEqual([step]);
    }
  });

  it('keeps only the steps from the last one that drew a new view', () => {
    const query = serialiseView({
      ...emptyView(),
      steps: [
        { verb: 'open', id: 'country:japan', depth: 1 },
        { verb: 'expand', id: 'country:us', depth: 1 },
        { verb: 'lineage', id: 'plan:drug-strategy-4' },
        { verb: 'dismiss', id: 'plan:drug-strategy-1' },
      ],
    });
    expect(new URLSearchParams(query).getAll('step')).toEqual(['lineage:plan:drug-strategy-4', 'dismiss:plan:drug-strategy-1']);
  });

  it('leaves out what it cannot read and says so, and bounds the depth to the API’s 3', () => {
    const { view, ignored } = parseView('step=open:9:country:japan&step=fly:away&step=common:meeting:a&step=path:a b,c&asof=%20&hide=HOSTED,<b>');
    expect(view.steps).toEqual([{ verb: 'open', id: 'country:japan', depth: 3 }]);
    expect(ignored).toEqual(['fly:away', 'common:meeting:a', 'path:a b,c']);
    expect(view.asOf).toBeNull();
    expect(view.hidden).toEqual(['HOSTED']);
    expect(parseStep('expand:0:country:us')).toEqual({ verb: 'expand', id: 'country:us', depth: 1 });
  });

  it('anchors a view on what was opened, compared, joined or traced, minus what was dismissed', () => {
    expect(
      anchorsOf([
        { verb: 'common', ids: ['meeting:a', 'meeting:b', 'meeting:c'] },
        { verb: 'expand', id: 'office:x', depth: 1 },
        { verb: 'dismiss', id: 'meeting:b' },
      ]),
    ).toEqual(['meeting:a', 'meeting:c']);
    expect(anchorsOf([{ verb: 'path', from: 'office:a', to: 'meeting:b' }])).toEqual(['office:a', 'meeting:b']);
  });
});

describe('what is shown as of a date', () => {
  const nodes: GraphNode[] = [
    { id: 'country:japan', type: 'Country' },
    { id: 'country:us', type: 'Country' },
    { id: 'country:china', type: 'Country' },
    { id: 'organisation:rilo', type: 'Organisation' },
    { id: 'organisation:tokyo', type: 'Organisation' },
    { id: 'meeting:old', type: 'Meeting' },
    { id: 'meeting:new', type: 'Meeting' },
    { id: 'plan:later', type: 'Plan' },
  ];
  const edges: GraphEdge[] = [
    { id: 'a:us', source: 'country:japan', target: 'country:us', type: 'AGREEMENT', agreementKey: 'agreement:cmaa:us' },
    { id: 'a:china', source: 'country:japan', target: 'country:china', type: 'AGREEMENT', agreementKey: 'agreement:cmaa:china' },
    { id: 'h:tokyo', source: 'organisation:tokyo', target: 'organisation:rilo', type: 'HOSTED' },
    { id: 'm:rilo', source: 'organisation:rilo', target: 'country:japan', type: 'MEMBER_OF' },
    { id: 'p:new', source: 'meeting:new', target: 'meeting:old', type: 'PART_OF' },
    { id: 'o:old', source: 'meeting:old', target: 'country:japan', type: 'ORGANISES' },
    { id: 'ad:later', source: 'meeting:old', target: 'plan:later', type: 'ADOPTED' },
  ];
  const answer = (over: Partial<AsOfAnswer>): AsOfAnswer => ({
    date: { value: '2005', precision: 'YEAR', earliest: '2005-01-01', latest: '2005-12-31' },
    meetings: new Set(['meeting:old']),
    agreements: new Set(['agreement:cmaa:us']),
    hostings: new Set(),
    administrations: new Set(),
    parents: new Set(),
    begun: new Set(),
    ...over,
  });
  const options = (a: AsOfAnswer | null) => ({ answer: a, hasBeginning: new Set(['plan:later']), hiddenTypes: new Set<string>(), anchors: ['country:japan'] });

  it('shows everything drawn without a date', () => {
    const v = visibleElements(nodes, edges, options(null));
    expect(v.nodes.size).toBe(nodes.length);
    expect(v.edges.size).toBe(edges.length);
  });

  it('keeps what the API says existed and drops what is then left unconnected to the anchors', () => {
    const v = visibleElements(nodes, edges, options(answer({})));
    // China's agreement was not in force; the Tokyo hosting not in the answer; the later plan had not begun;
    // the new meeting did not exist; RILO stays (a member of Japan's), Tokyo goes (only its hosting linked it).
    expect([...v.nodes].sort()).toEqual(['country:japan', 'country:us', 'meeting:old', 'organisation:rilo']);
    expect([...v.edges].sort()).toEqual(['a:us', 'm:rilo', 'o:old']);
    expect(v.dropped).toBe(4);
  });

  it('follows the answer: a hosting, a parent and a beginning stated for the date are shown', () => {
    const v = visibleElements(nodes, edges, options(answer({
      meetings: new Set(['meeting:old', 'meeting:new']),
      hostings: new Set(['organisation:tokyo>organisation:rilo']),
      parents: new Set(['meeting:new>meeting:old']),
      begun: new Set(['plan:later']),
    })));
    expect(v.nodes.size).toBe(nodes.length - 1);
    expect([...v.edges]).toEqual(expect.arrayContaining(['h:tokyo', 'p:new', 'ad:later']));
  });

  it('says which anchors did not exist, and hides types unticked', () => {
    const v = visibleElements(nodes, edges, { ...options(answer({ meetings: new Set() })), anchors: ['meeting:new'] });
    expect(v.absentAnchors).toEqual(['meeting:new']);
    expect(v.nodes.size).toBe(0);
    const w = visibleElements(nodes, edges, { ...options(null), hiddenTypes: new Set(['AGREEMENT']) });
    expect(w.nodes.has('country:us')).toBe(false);
    expect(w.edges.has('a:us')).toBe(false);
  });
});

describe('labels', () => {
  it('draws a long name as its readable alias, whole up to three lines, else its first and last words', () => {
    expect(shortLabel('Japan Customs')).toBe('Japan Customs');
    expect(shortLabel('Meeting for the Promotion of Measures against Firearms', ['Firearms Meeting'])).toBe('Firearms Meeting');
    expect(shortLabel('Chair of the National Public Safety Commission', ['NPSC', 'NPSC Chair'])).toBe('NPSC Chair');
    const a = shortLabel('Director-General of Trade and Economic Cooperation Bureau of Ministry of Economy, Trade and Industry');
    expect(a).toBe('Director-General of Trade and … Ministry of Economy, Trade and Industry');
    expect(shortLabel('Headquarters for the Promotion of Measures to Prevent Drug Abuse')).toBe('Headquarters for the Promotion of Measures to Prevent Drug Abuse');
  });

  it('labels an agreement by kind and year, a multilateral one by its short name too', () => {
    expect(agreementLabel({ kind: 'CMAA', enacted: '1997-06', agreementKey: 'agreement:cmaa:us' })).toBe('CMAA 1997');
    expect(agreementLabel({ kind: 'EPA', enacted: '2015-02', agreementKey: 'agreement:tpp' })).toBe('EPA 2015 (TPP)');
    expect(agreementLabel({ kind: 'INTERGOVERNMENTAL', enacted: '2003-06', agreementKey: 'agreement:intergovernmental:australia' })).toBe('Intergov. 2003');
    expect(agreementLabel({ kind: 'MOU', agreementKey: 'agreement:mou:x' })).toBe('MOU undated');
  });
});

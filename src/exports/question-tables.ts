/**
 * The exports of the analyst questions (paths, neighbourhoods, timeline, lineage, state as of a date, the
 * partner × agreement-kind matrix): the GraphQL selection each runs and the fixed columns of each CSV part.
 */
import { AGREEMENT_KINDS } from '../domain/vocabulary.js';
import { col, computed, date, DATE, joined, provenance, PROVENANCE, type Column, type Row } from './columns.js';

export interface QuestionPart {
  columns: Column[];
  rows: (result: Row) => Row[];
}

export interface QuestionExport {
  /** The root field of schema/analytics.graphql it runs. */
  root: string;
  selection: string;
  /** CSV parts by name (chosen with `part=`), the first is the default. */
  parts: Record<string, QuestionPart>;
}

const REL = `id type startId endId direction properties start { id name } end { id name } provenance ${PROVENANCE}`;

const relationshipColumns: Column[] = [
  col('id'), col('type'), col('startId', 'start.id'), col('start.name'), col('endId', 'end.id'), col('end.name'), col('direction'),
  computed('properties', (r) => JSON.stringify(r['properties'] ?? {})), ...provenance(),
];

export const QUESTIONS: ReadonlyMap<string, QuestionExport> = new Map<string, QuestionExport>([
  [
    'path',
    {
      root: 'shortestPath',
      selection: `from { id name } to { id name } maxHops truncated paths { length nodes { __typename id name } relationships { ${REL} } }`,
      parts: {
        steps: {
          columns: [
            col('path'), col('step'), col('node.id'), col('node.name'), col('node.__typename', 'node.type'), col('next.type'), col('next.id'),
            col('next.direction'), computed('next.properties', (r) => (r['next'] ? JSON.stringify((r['next'] as Row)['properties'] ?? {}) : null)),
            ...provenance('next.provenance'),
          ],
          rows: (result) =>
            ((result['paths'] as Row[]) ?? []).flatMap((p, i) =>
              (p['nodes'] as Row[]).map((node, step) => ({ path: i + 1, step, node, next: (p['relationships'] as Row[])[step] ?? null })),
            ),
        },
      },
    },
  ],
  [
    'neighbourhood',
    {
      root: 'neighbourhood',
      selection: `centre { id name } depth truncated nodes { distance node { __typename id name } } relationships { ${REL} }`,
      parts: {
        nodes: {
          columns: [col('distance'), col('node.id', 'id'), col('node.name', 'name'), col('node.__typename', 'type')],
          rows: (result) => (result['nodes'] as Row[]) ?? [],
        },
        relationships: { columns: relationshipColumns, rows: (result) => (result['relationships'] as Row[]) ?? [] },
      },
    },
  ],
  [
    'timeline',
    {
      root: 'timeline',
      selection: `truncated events { kind date ${DATE} subject { id name } related { id name } agreement { id name } description provenance ${PROVENANCE} }`,
      parts: {
        events: {
          columns: [
            col('kind'), ...date('date'), col('subject.id'), col('subject.name'), col('related.id'), col('related.name'), col('agreement.id'),
            col('agreement.name'), col('description'), ...provenance(),
          ],
          rows: (result) => (result['events'] as Row[]) ?? [],
        },
      },
    },
  ],
  [
    'lineage',
    {
      root: 'lineage',
      selection: `subject { id name } steps { position node { __typename id name } date ${DATE} ended ${DATE} supersedes { id }
        supersededOn ${DATE} supersededBy { id } provenance ${PROVENANCE} }`,
      parts: {
        steps: {
          columns: [
            col('position'), col('node.id', 'id'), col('node.name', 'name'), col('node.__typename', 'type'), ...date('date'), ...date('ended'),
            col('supersedes.id'), ...date('supersededOn'), col('supersededBy.id'), ...provenance(),
          ],
          rows: (result) => (result['steps'] as Row[]) ?? [],
        },
      },
    },
  ],
  [
    'stateAsOf',
    {
      root: 'stateAsOf',
      selection: `date ${DATE}
        meetings { meeting { id name } since ${DATE} administeredBy { organisation { id name } } parent { id name } }
        agreements { id name kind enacted ${DATE} partners { id } provenance ${PROVENANCE} }
        hostings { host { id name } hosted { id name } from ${DATE} until ${DATE} provenance ${PROVENANCE} }`,
      parts: {
        meetings: {
          columns: [
            col('meeting.id', 'id'), col('meeting.name', 'name'), ...date('since'), joined('administeredBy', 'organisation.id'),
            joined('administeredBy', 'organisation.name'), col('parent.id'), col('parent.name'),
          ],
          rows: (result) => (result['meetings'] as Row[]) ?? [],
        },
        agreements: {
          columns: [col('id'), col('name'), col('kind'), ...date('enacted'), joined('partners', 'id'), ...provenance('provenance', false)],
          rows: (result) => (result['agreements'] as Row[]) ?? [],
        },
        hostings: {
          columns: [col('host.id'), col('host.name'), col('hosted.id'), col('hosted.name'), ...date('from'), ...date('until'), ...provenance()],
          rows: (result) => (result['hostings'] as Row[]) ?? [],
        },
      },
    },
  ],
  [
    'coverage',
    {
      root: 'agreementStats',
      selection: `coverage { partner { __typename id name } total kinds { kind count } }`,
      parts: {
        matrix: {
          columns: [
            col('partner.id'), col('partner.name'), col('partner.__typename', 'partner.type'), col('total'),
            ...AGREEMENT_KINDS.map((k) => computed(k, (r) => ((r['kinds'] as Row[]) ?? []).find((x) => x['kind'] === k)?.['count'] ?? 0)),
          ],
          rows: (result) => (result['coverage'] as Row[]) ?? [],
        },
      },
    },
  ],
]);

/**
 * Parameters the start-up warm-up (src/http/warm-up.ts) runs each question export with: the shipped dataset's
 * own keys and dates, as the saved operations' defaults use them (a missing key would stop before the
 * statements to warm).
 */
export const WARM_UP_PARAMS: Readonly<Record<string, Readonly<Record<string, string[]>>>> = {
  path: { from: ['office:prime-minister'], to: ['meeting:firearms-promotion'] },
  neighbourhood: { id: ['meeting:firearms-promotion'] },
  lineage: { id: ['plan:drug-strategy-4'] },
  stateAsOf: { date: ['2012-11'] },
};


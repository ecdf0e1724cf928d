/**
 * The fixed columns of the list exports (`/export/<root>.csv`, one per root connection) and the GraphQL selection
 * each needs. Columns are chosen by hand: every one holds a value for some row of the shipped dataset (a test
 * checks it), and the header never depends on the filter. docs/analytics.md lists them.
 */
import { col, computed, date, DATE, joined, provenance, PROVENANCE, type Column, type Row } from './columns.js';

export interface EntityTable {
  /** The selection of one node of the connection. */
  selection: string;
  columns: Column[];
  /** Rows of one node (default: the node itself); the indicators give one row per yearly figure. */
  rowsOf?: (node: Row) => Row[];
}

/** Node exports: every node of this dataset is stated, so `provenance.reading` is left out (always empty). */
const nodeProvenance = provenance('provenance', false);

export const ENTITY_TABLES: ReadonlyMap<string, EntityTable> = new Map<string, EntityTable>([
  [
    'offices',
    {
      selection: `id name aliases kind isMinister organisation { id name } chairs { role meeting { id } } memberOf { id } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), joined('aliases'), col('kind'), col('isMinister'), col('organisation.id'), col('organisation.name'),
        computed('chairs', (r) => ((r['chairs'] as Row[]) ?? []).map((c) => `${String((c['meeting'] as Row)['id'])} (${String(c['role'])})`).join('; ') || null),
        joined('memberOf', 'id'), ...nodeProvenance,
      ],
    },
  ],
  [
    'organisations',
    {
      selection: `id name aliases kind established ${DATE} statedCount description parent { id name } country { id } memberOf { id } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), joined('aliases'), col('kind'), ...date('established'), col('statedCount'), col('description'),
        col('parent.id'), col('parent.name'), col('country.id'), joined('memberOf', 'id'), ...nodeProvenance,
      ],
    },
  ],
  [
    'meetings',
    {
      selection: `id name aliases kind established ${DATE} firstConvened ${DATE} dissolved ${DATE} mission basis chief { id name }
        parent { id name } organisedBy { id name } administeredBy { organisation { id } } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), joined('aliases'), col('kind'), ...date('established'), ...date('firstConvened'), ...date('dissolved'),
        col('mission'), col('basis'), col('chief.id'), col('chief.name'), col('parent.id'), col('parent.name'), col('organisedBy.id'),
        joined('administeredBy', 'organisation.id'), ...nodeProvenance,
      ],
    },
  ],
  [
    'plans',
    {
      selection: `id name aliases kind adopted ${DATE} periodYears horizon followUp summary
        adoptedBy { meeting { id name } provenance ${PROVENANCE} } supersedes { older { id } provenance ${PROVENANCE} }
        supersededBy { newer { id } } categories { id } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), joined('aliases'), col('kind'), ...date('adopted'), col('periodYears'), col('horizon'), col('followUp'),
        col('summary'), col('adoptedBy.meeting.id'), col('adoptedBy.meeting.name'), col('adoptedBy.provenance.inferred'),
        col('adoptedBy.provenance.reading'), col('supersedes.older.id'), col('supersedes.provenance.inferred'),
        col('supersedes.provenance.reading'), col('supersededBy.newer.id'), joined('categories', 'id'), ...nodeProvenance,
      ],
    },
  ],
  [
    'countries',
    {
      selection: `id name aliases kind agreementKinds agreements { id } organisations { id } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), joined('aliases'), col('kind'), joined('agreementKinds'), joined('agreements', 'id'), joined('organisations', 'id'),
        ...nodeProvenance,
      ],
    },
  ],
  [
    'agreements',
    {
      selection: `id name kind multilateral enacted ${DATE} revisions ${DATE} status note parties { id name } partners { id name } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), col('kind'), col('multilateral'), ...date('enacted'), joined('revisions', 'value'), col('status'), col('note'),
        joined('parties', 'id'), joined('partners', 'id'), joined('partners', 'name'), ...nodeProvenance,
      ],
    },
  ],
  [
    'capabilities',
    {
      selection: `id name aliases kind introduced ${DATE} description contact operatedBy { id name } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), joined('aliases'), col('kind'), ...date('introduced'), col('description'), col('contact'),
        joined('operatedBy', 'id'), joined('operatedBy', 'name'), ...nodeProvenance,
      ],
    },
  ],
  [
    'indicators',
    {
      selection: `id name aliases measure unit baseYear note observations { year value index computedIndex preliminary } provenance ${PROVENANCE}`,
      columns: [
        col('id'), col('name'), col('measure'), col('unit'), col('baseYear'), col('note'), col('observation.year', 'year'),
        col('observation.value', 'value'), col('observation.index', 'index'), col('observation.computedIndex', 'computedIndex'),
        col('observation.preliminary', 'preliminary'), ...nodeProvenance,
      ],
      rowsOf: (node) => ((node['observations'] as Row[]) ?? []).map((observation) => ({ ...node, observation })),
    },
  ],
]);

/**
 * Column definitions for the CSV exports. Every table has a fixed list of columns (the same header whatever the
 * filter or the data), chosen by hand in tables.ts and documented in docs/analytics.md. A date becomes four
 * columns (`x.value`, `x.precision`, `x.earliest`, `x.latest`) so that a spreadsheet sorts and filters it by day
 * while the source's precision is kept; a list becomes one cell joined with "; ".
 */
export type Row = Record<string, unknown>;

export interface Column {
  header: string;
  get: (row: Row) => unknown;
}

/** The value at a dotted path (`provenance.section`), or null when any step is missing. */
export function at(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const step of path.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    v = (v as Row)[step];
  }
  return v ?? null;
}

/** One plain column; the header is the dotted path unless given. */
export function col(path: string, header = path): Column {
  return { header, get: (row) => at(row, path) };
}

/** A list joined with "; " (of the items' `leaf` when given); empty when the list is. */
export function joined(path: string, leaf?: string, header = leaf ? `${path}.${leaf}` : path): Column {
  return {
    header,
    get: (row) => {
      const items = at(row, path);
      if (!Array.isArray(items) || items.length === 0) return null;
      return items.map((item) => (leaf ? at(item, leaf) : item)).join('; ');
    },
  };
}

/** A SourceDate as four columns: value (as written), precision, earliest and latest day (ISO). */
export function date(path: string): Column[] {
  return ['value', 'precision', 'earliest', 'latest'].map((part) => col(`${path}.${part}`));
}

/** The GraphQL selection a `date()` needs. */
export const DATE = '{ value precision earliest latest }';

/** Provenance columns; `reading` only where rows of the table can be readings (docs/graph-model.md). */
export function provenance(path = 'provenance', withReading = true): Column[] {
  const cols = [col(`${path}.section`), col(`${path}.quote`), col(`${path}.inferred`)];
  return withReading ? [...cols, col(`${path}.reading`)] : cols;
}

/** The GraphQL selection `provenance()` needs. */
export const PROVENANCE = '{ dataset section quote inferred reading }';

/** A computed column. */
export function computed(header: string, get: (row: Row) => unknown): Column {
  return { header, get };
}

export interface Table {
  columns: Column[];
  rows: Row[];
}

export function headerOf(columns: readonly Column[]): string[] {
  return columns.map((c) => c.header);
}

export function cellsOf(table: Table): unknown[][] {
  return table.rows.map((row) => table.columns.map((c) => c.get(row)));
}

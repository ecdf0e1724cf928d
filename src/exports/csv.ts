/**
 * CSV as spreadsheets read it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, written by
 * csv-stringify. The header is always the first line, even when there are no rows. Every text cell is quoted (a
 * separator inside it, `,` or `;` or a tab, can then never start a new cell), and a text cell that a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`.
 */
import { stringify } from 'csv-stringify/sync';

/** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const RISKY_START = /^[=+\-@\t\r]/;

/** A cell's text: null and undefined are empty, objects are JSON, a formula-like string is defused. */
export function cellValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return RISKY_START.test(text) ? `'${text}` : text;
}

/** The CSV text of a table: header first, then one line per row, each row as long as the header. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const records = [header.map(cellValue), ...rows.map((row) => header.map((_, i) => cellValue(row[i])))];
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    quoted_string: true,
    quoted_empty: false,
    cast: { boolean: (b) => String(b), number: (n) => String(n) },
  });
}

/**
 * CSV as spreadsheets read it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, written by
 * csv-stringify. The header is always the first line, even when there are no rows. Every text cell is quoted (a
 * separator inside it, `,` or `;` or a tab, can then never start a new cell), and a text cell that a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`.
 * Control characters other than tab, line feed and carriage return (NUL, the other C0 controls, DEL), which
 * spreadsheets and parsers truncate or choke on, are written as their visible Unicode pictures (␀, ␁, …, ␡).
 * The text is written a chunk of rows at a time, counted against MAX_RESULT_BYTES (limited-text.ts).
 */
import { stringify, type Options } from 'csv-stringify/sync';
import { LimitedText } from './limited-text.js';

/** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const RISKY_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Rows stringified at once before the budget is looked at again. */
const CHUNK = 200;

/** U+2400 + the code for C0 controls, U+2421 for DEL: a control character made visible. */
function picture(control: string): string {
  const code = control.charCodeAt(0);
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

/** A cell's text: null and undefined are empty, objects are JSON, a formula-like string is defused, controls made visible. */
export function cellValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).replace(CONTROL, picture);
  return RISKY_START.test(text) ? `'${text}` : text;
}

const OPTIONS: Options = {
  record_delimiter: 'windows',
  quoted_string: true,
  quoted_empty: false,
  cast: { boolean: (b) => String(b), number: (n) => String(n) },
};

/** The CSV text of a table: header first, then one line per row, each row as long as the header. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], maxBytes = Infinity): string {
  const out = new LimitedText(maxBytes, '', [stringify([header.map(cellValue)], { ...OPTIONS, bom: true })]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push(stringify(rows.slice(i, i + CHUNK).map((row) => header.map((_, c) => cellValue(row[c]))), OPTIONS));
  }
  return out.join();
}

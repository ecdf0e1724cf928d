/**
 * Control characters never reach a CSV file raw (issue 27: a NUL in a name was written as it was, which
 * spreadsheets and CSV parsers truncate or choke on). NUL, the other C0 controls and DEL are written as
 * their visible Unicode pictures (␀, ␇, ␛, ␡); tab and line breaks stay (inside quotes, as RFC 4180 allows);
 * and a file past MAX_RESULT_BYTES is stopped while it is written.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cellValue, toCsv } from '../../src/exports/csv.js';

describe('control characters in CSV', () => {
  it('NUL, C0 controls and DEL become visible pictures; no raw control character is written', () => {
    const text = toCsv(['name'], [['Prime\u0000Minister'], ['bell\u0007'], ['esc\u001b[31m'], ['del\u007f']]);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(['Prime\u2400Minister', 'bell\u2407', 'esc\u241b[31m', 'del\u2421']);
  });

  it('tabs and line breaks inside a cell stay, quoted', () => {
    expect(cellValue('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    const rows = parse(toCsv(['note'], [['a\tb\nc']]).replace(/^\uFEFF/, ''), { columns: true }) as { note: string }[];
    expect(rows[0]!.note).toBe('a\tb\nc');
  });

  it('a file past the byte budget is stopped with MAX_RESULT_BYTES, not written whole', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`row ${i} ${'x'.repeat(100)}`]);
    expect(() => toCsv(['name'], rows, 50_000)).toThrow(/MAX_RESULT_BYTES/);
    expect(toCsv(['name'], rows.slice(0, 10), 50_000)).toContain('row 9');
  });
});

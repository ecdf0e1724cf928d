/** The CSV writer of the exports (src/exports/csv.ts), read back with a real CSV parser (csv-parse): no database. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/exports/csv.js';

describe('CSV encoding', () => {
  it('quotes every text cell and defuses each formula start, also after a separator', () => {
    const text = toCsv(['a'], [['=1+1'], ['+1'], ['-x'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['x;=1'], ['x,=1'], ['-5'], [-5], [null], [true]]);
    const cells = (parse(text, { bom: true }) as string[][]).map((r) => r[0]);
    expect(cells).toEqual(['a', "'=1+1", "'+1", "'-x", "'@SUM(A1)", "'\tx", "'\rx", 'x;=1', 'x,=1', "'-5", '-5', '', 'true']);
    // A separator inside a cell never splits it: the cell is quoted, whatever the reader's separator.
    expect(text).toContain('"x;=1"');
    expect(text).toContain('"x,=1"');
  });

  it('an empty table still has its header', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFF"a","b"\r\n');
  });
});

/**
 * The bulk importer's CSV files (src/seed/bulk/csv-files.ts), read back with csv-parse: one file per property
 * signature with typed headers, null left out but an empty string kept, lists joined with U+001F, empty lists
 * listed for after the import, and text that would break a list refused before anything runs.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { writeImportFiles } from '../../src/seed/bulk/csv-files.js';
import { SeedLoadError } from '../../src/seed/loader.js';
import type { NodeRow, RelationshipRow } from '../../src/seed/rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bulk-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = (key: string, props: NodeRow['props'], labels = ['Meeting']): NodeRow => ({ key, labels, props: { key, ...props } });
const rel = (key: string, props: RelationshipRow['props']): RelationshipRow => ({ key, type: 'PART_OF', from: 'a:x', to: 'b:y', props: { key, ...props } });

describe('writeImportFiles', () => {
  it('writes typed headers per property signature, keeping empty strings and leaving nulls out', async () => {
    const files = await writeImportFiles(
      path.join(dir, 'typed'),
      [
        node('m:a', { name: 'A', year: 2016, inferred: false, reading: null, aliases: ['x', 'y'] }, ['Meeting', 'Headquarters']),
        node('m:b', { name: '', year: 2017, inferred: true, reading: null, aliases: ['z'] }),
        node('m:c', { name: 'C', year: 'unknown' }),
      ],
      [rel('p:1', { from: '2009', revisions: [] })],
    );
    expect(files.nodes).toHaveLength(2);
    const first = readFileSync(files.nodes[0]!, 'utf8');
    expect(first.split('\n')[0]).toBe('key:ID,:LABEL,aliases:string[],inferred:boolean,name:string,year:double');
    const rows = parse(first, { from_line: 2 }) as string[][];
    expect(rows).toEqual([
      ['m:a', 'Entity\u001fMeeting\u001fHeadquarters', 'x\u001fy', 'false', 'A', '2016'],
      ['m:b', 'Entity\u001fMeeting', 'z', 'true', '', '2017'],
    ]);
    // The importer keeps a quoted empty field as an empty string, and skips an unquoted one (null).
    expect(first).toContain('m:b,Entity\u001fMeeting,z,true,"",2017');
    expect(readFileSync(files.nodes[1]!, 'utf8').split('\n')[0]).toBe('key:ID,:LABEL,name:string,year:string');
    expect(readFileSync(files.relationships[0]!, 'utf8').split('\n')[0]).toBe(':START_ID,:END_ID,:TYPE,from:string,key:string,revisions:string[]');
    expect(files.emptyLists).toEqual({ nodes: [], relationships: [{ key: 'p:1', from: 'a:x', props: { revisions: [] } }] });
    expect(files.multiline).toBe(false);
  });

  it('tells the importer about line breaks', async () => {
    const files = await writeImportFiles(path.join(dir, 'multi'), [node('m:a', { name: 'two\nlines' })], []);
    expect(files.multiline).toBe(true);
    expect(parse(readFileSync(files.nodes[0]!, 'utf8'), { from_line: 2 })).toEqual([['m:a', 'Entity\u001fMeeting', 'two\nlines']]);
  });

  it('refuses text holding the list separator, naming the record', async () => {
    const error = await writeImportFiles(path.join(dir, 'bad'), [node('m:a', { name: 'a\u001fb' })], []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedLoadError);
    expect((error as Error).message).toMatch(/^m:a: .*U\+001F.*without --bulk/);
    // Nothing is left open or writing after the refusal: a file stream left open used to fail later,
    // once its folder was removed, as an uncaught error that stopped the whole process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const open = readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return [readlinkSync(`/proc/self/fd/${fd}`)];
      } catch {
        return [];
      }
    });
    expect(open.filter((target) => target.startsWith(path.join(dir, 'bad')))).toEqual([]);
    await rm(path.join(dir, 'bad'), { recursive: true, force: true });
  });
});

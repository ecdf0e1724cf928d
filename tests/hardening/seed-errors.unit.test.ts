/**
 * Seed errors a reviewer can act on: each names the file and the line of the record, and one broken
 * record gives one error — not also a "dangling reference" for every relationship that points at it.
 * Hostile files (issue 27) are refused the same way: a 20 MB name, a YAML alias bomb, NUL and other
 * control characters in names; never a raw stack trace, never the whole offending value echoed back.
 * `npm run seed` on such a file, as a process: seed-errors-cli.system.test.ts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDataset, SeedValidationError } from '../../src/seed/format.js';
import { MAIN_DATASET_DIR } from '../seed/helpers.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A copy of the shipped dataset with one edit to offices.yaml; the problems readDataset reports. */
async function problemsAfter(edit: (text: string) => string) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seed-errors-'));
  cpSync(MAIN_DATASET_DIR, dir, { recursive: true });
  const file = path.join(dir, 'offices.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const error = await readDataset(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SeedValidationError);
  return (error as SeedValidationError).problems;
}

describe('seed errors', () => {
  it('a node with a misspelt label is one error, with its file and line, and no dangling references', async () => {
    // The Prime Minister's office: chairs meetings, is part of the Cabinet (relationships in several files).
    const problems = await problemsAfter((t) => t.replace(/(key: office:prime-minister\n\s+label: )Office/, '$1Ofice'));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.key} ${p.reason}`)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'offices.yaml', key: 'office:prime-minister', line: 5 });
    expect(problems[0]!.reason).toMatch(/label/);
  });

  it('a file that does not parse is reported with its line, without false dangling references from other files', async () => {
    const problems = await problemsAfter((t) => t.replace('  - key: office:prime-minister', '  - key: office:prime-minister\n   bad: [indent'));
    expect(problems.every((p) => p.file === 'offices.yaml'), problems.map((p) => `${p.file} ${p.reason}`).join('\n')).toBe(true);
    expect(problems[0]!.line).toBeGreaterThan(0);
    expect((new SeedValidationError('x', problems)).message).toMatch(/\(line \d+\)/);
  });
});

describe('hostile seed files', () => {
  it('a 20 MB name is one problem naming the file, the record and the limit, without the name itself', async () => {
    const huge = 'N'.repeat(20 * 1024 * 1024);
    const problems = await problemsAfter((t) => t.replace(/(key: office:prime-minister\n(?:.*\n)*?\s+name: ).*/, `$1${huge}`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'offices.yaml', key: 'office:prime-minister' });
    expect(problems[0]!.reason).toMatch(/name: .*at most 300 characters/);
    expect(new SeedValidationError('x', problems).message.length).toBeLessThan(1_000);
  });

  it('a YAML alias bomb is refused as a problem of its file, not a crash', async () => {
    const bomb = ['bomb:', '  a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i <= 12; i++) bomb.push(`  ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const problems = await problemsAfter((t) => `${bomb.join('\n')}\n${t}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'offices.yaml' });
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/YAML: .*alias/i);
  });

  it.each([
    ['NUL', '\u0000'],
    ['a bell (C0)', '\u0007'],
    ['an escape (C0)', '\u001b'],
    ['a line feed', '\n'],
    ['DEL', '\u007f'],
  ])('%s in a name is refused, naming the character', async (_what, character) => {
    const escaped = JSON.stringify(`Prime${character}Minister`);
    const problems = await problemsAfter((t) => t.replace(/(key: office:prime-minister\n(?:.*\n)*?\s+name: ).*/, `$1${escaped}`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'offices.yaml', key: 'office:prime-minister' });
    expect(problems[0]!.reason).toMatch(new RegExp(`name: .*control character U\\+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
  });
});

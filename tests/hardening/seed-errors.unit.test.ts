/**
 * Seed errors a reviewer can act on: each names the file and the line of the record, and one broken
 * record gives one error — not also a "dangling reference" for every relationship that points at it.
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

/**
 * A seed error as the person running `npm run seed` sees it: the command (a process of its own, so a system
 * test) exits 1 and names the file, the record and the reason, with no stack trace. The errors themselves are
 * checked without a process in seed-errors.unit.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAIN_DATASET_DIR } from '../seed/helpers.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('npm run seed on a hostile file', () => {
  it('exits 1 with the file named, and no stack trace', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'seed-errors-'));
    cpSync(MAIN_DATASET_DIR, dir, { recursive: true });
    const file = path.join(dir, 'offices.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(key: office:prime-minister\n(?:.*\n)*?\s+name: ).*/, '$1"Prime\\u0000Minister"'));
    const run = spawnSync('npx', ['tsx', 'src/seed/cli.ts', dir], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/offices\.yaml › office:prime-minister › name: .*control character U\+0000/);
    expect(run.stderr).not.toMatch(/\n\s+at \S/);
  });
});

/**
 * `tsx scripts/schema-check.ts` as a command (its own process): exit code 1 and the field named on a breaking
 * change, 0 on the removal of a deprecated field. The rules themselves: schema-check.unit.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasedSdl, without } from './schema-fixtures.js';

describe('scripts/schema-check.ts', () => {
  it('as a command: exits 1 and names the field on a breaking change, 0 on a deprecated removal', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
    try {
      writeFileSync(path.join(dir, 'released.graphql'), releasedSdl);
      mkdirSync(path.join(dir, 'breaking'));
      writeFileSync(path.join(dir, 'breaking', 'schema.graphql'), without(releasedSdl, /"Short name\."\s*shortName: String/));
      mkdirSync(path.join(dir, 'announced'));
      writeFileSync(path.join(dir, 'announced', 'schema.graphql'), without(releasedSdl, /"Old name of the chief\."\s*chiefName: String @deprecated\(reason: "Use chief \{ name \}\."\)/));
      const run = (schemaDir: string) =>
        spawnSync('npx', ['tsx', 'scripts/schema-check.ts', '--released', path.join(dir, 'released.graphql'), '--schema', path.join(dir, schemaDir)], { encoding: 'utf8' });
      const breaking = run('breaking');
      expect(breaking.status).toBe(1);
      expect(breaking.stdout).toMatch(/shortName.*Meeting\.shortName/);
      expect(breaking.stdout).toMatch(/FAILED/);
      const announced = run('announced');
      expect(announced.status).toBe(0);
      expect(announced.stdout).toMatch(/Removals of deprecated fields \(allowed\)[\s\S]*chiefName/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

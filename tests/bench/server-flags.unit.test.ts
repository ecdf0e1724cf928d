/**
 * The benchmark runs every server with the Node flags `npm start` gives the API (bench/support/server-process.ts),
 * so that the API is measured as it is shipped: a start command the benchmark cannot read fails here, not in a
 * bench run that silently measured another configuration.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startNodeFlags } from '../../bench/support/server-process.js';

const start = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts['start']!;

describe("the benchmark's servers run with npm start's Node flags", () => {
  it('reads every flag npm start passes before --import tsx, and only those', () => {
    const flags = startNodeFlags();
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z][\w-]*(=\S+)?$/);
    expect(start).toBe(`exec node ${flags.join(' ')} --import tsx src/main.ts`);
  });

  it('gives the API its young generation (docs/benchmarks.md: 7-8% less CPU per request measured)', () => {
    expect(startNodeFlags()).toContain('--max-semi-space-size=64');
  });
});

/**
 * The per-project counts CI prints (tests/support/project-times.ts): a file that failed in its `beforeAll` has
 * no failed test (its tests are skipped), and was counted as 0 failed while CI's total said 1 failed.
 */
import { describe, expect, it } from 'vitest';
import { outcomes, type ModuleOutcome } from '../support/project-times.js';

const file = (state: string, tests: string[]): ModuleOutcome => ({
  state: () => state,
  children: { allTests: () => tests.map((s) => ({ result: () => ({ state: s }) })) },
});

describe('project outcomes', () => {
  it('counts the tests of passing and failing files by their outcome', () => {
    expect(outcomes([file('passed', ['passed', 'passed', 'skipped']), file('failed', ['passed', 'failed', 'failed'])])).toEqual({
      passed: 3,
      failed: 2,
      skipped: 1,
    });
  });

  it('counts a file that failed with no failed test (its beforeAll threw) as one failure', () => {
    expect(outcomes([file('failed', ['skipped', 'skipped']), file('failed', [])])).toEqual({ passed: 0, failed: 2, skipped: 2 });
  });
});

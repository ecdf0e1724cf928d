/**
 * The order test files start in: vitest's own (project groups in order, longest or largest file first),
 * except that the api project's writers (files that call `writesToDatabase()`, tests/support/db.ts) go
 * first. A writer runs alone, so they pass one after another at the start, and the readers then share
 * the database, two at a time, for the rest of the run.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const writes = (spec: TestSpecification): boolean => spec.project.name === 'api' && /\bwritesToDatabase\(\)/.test(readFileSync(spec.moduleId, 'utf8'));

export class ApiSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const writers = new Set(sorted.filter(writes));
    if (writers.size === 0) return sorted;
    const rest = sorted.filter((s) => !writers.has(s));
    const at = rest.findIndex((s) => s.project.name === 'api');
    return [...rest.slice(0, at), ...writers, ...rest.slice(at)];
  }
}

/**
 * A vitest reporter: at the end of a run, each project's wall time (its first file's start to its last
 * file's end), files and tests by outcome, and the slowest files, and the whole run's time; also written
 * to test-artifacts/projects.json for CI (.ci/run), or to TEST_ARTIFACTS_TAG's own file (projects-<tag>.json) when
 * a second run goes alongside (scripts/test-node24.sh). The global setup prints its own time
 * (tests/global-setup.ts): it runs before the first file of api or system starts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

interface ProjectTimes {
  project: string;
  seconds: number;
  files: number;
  passed: number;
  failed: number;
  skipped: number;
  slowest: { file: string; seconds: number }[];
}

/** The part of a vitest TestModule that `outcomes` reads. */
export interface ModuleOutcome {
  state(): string;
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}

/**
 * Tests by outcome over some files. A file that failed without a failed test (its `beforeAll` threw, or it
 * did not load: its tests are skipped or absent) counts as one failure, as CI's total does (.ci/run).
 */
export function outcomes(modules: readonly ModuleOutcome[]): { passed: number; failed: number; skipped: number } {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const m of modules) {
    const states = [...m.children.allTests()].map((t) => t.result().state);
    totals.passed += states.filter((s) => s === 'passed').length;
    const failed = states.filter((s) => s === 'failed').length;
    totals.failed += failed === 0 && m.state() === 'failed' ? 1 : failed;
    totals.skipped += states.filter((s) => s === 'skipped').length;
  }
  return totals;
}

export default class ProjectTimesReporter implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly ended = new Map<string, number>();
  private runStarted = Date.now();

  onTestRunStart(): void {
    this.runStarted = Date.now();
  }

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.moduleId, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    this.ended.set(module.moduleId, Date.now());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, TestModule[]>();
    for (const m of modules) byProject.set(m.project.name, [...(byProject.get(m.project.name) ?? []), m]);
    const rows: ProjectTimes[] = [];
    for (const [project, list] of byProject) {
      const starts = list.map((m) => this.started.get(m.moduleId)).filter((t): t is number => t !== undefined);
      const ends = list.map((m) => this.ended.get(m.moduleId)).filter((t): t is number => t !== undefined);
      const own = list.map((m) => ({
        file: m.relativeModuleId,
        seconds: ((this.ended.get(m.moduleId) ?? 0) - (this.started.get(m.moduleId) ?? 0)) / 1000,
      }));
      rows.push({
        project,
        seconds: starts.length && ends.length ? (Math.max(...ends) - Math.min(...starts)) / 1000 : 0,
        files: list.length,
        ...outcomes(list),
        slowest: own.sort((a, b) => b.seconds - a.seconds).slice(0, 5),
      });
    }
    const order = ['unit', 'api', 'system'];
    rows.sort((a, b) => order.indexOf(a.project) - order.indexOf(b.project));
    const lines = rows.map(
      (r) =>
        `  ${r.project.padEnd(7)} ${r.seconds.toFixed(0).padStart(5)} s  ${String(r.files).padStart(3)} files  ${r.passed} passed, ${r.failed} failed` +
        `${r.skipped ? `, ${r.skipped} skipped` : ''}  (slowest: ${r.slowest.map((s) => `${s.file.replace(/^tests\//, '')} ${s.seconds.toFixed(0)} s`).join(', ')})`,
    );
    const seconds = (Date.now() - this.runStarted) / 1000;
    process.stdout.write(`\nprojects (wall time from a project's first file to its last; the whole run ${seconds.toFixed(0)} s):\n${lines.join('\n')}\n`);
    mkdirSync('test-artifacts', { recursive: true });
    const tag = process.env['TEST_ARTIFACTS_TAG'];
    writeFileSync(`test-artifacts/projects${tag ? `-${tag}` : ''}.json`, `${JSON.stringify({ seconds, projects: rows }, null, 2)}\n`);
  }
}

/**
 * `npm test`'s vitest part: two vitest runs side by side on one test graph.
 *   - the unit and api projects (this run starts, seeds and warms up the test Neo4j, and shares it:
 *     TEST_GRAPH_SHARE);
 *   - the system project (joins that graph once it is ready: TEST_GRAPH_JOIN; tests/support/shared-graph.ts). Its
 *     files that read the database wait for the graph; the others start at once (tests/global-setup.ts).
 * The system files mostly wait (on JVMs starting, browsers, timers: about 1.1 cores of 2 when they ran after the
 * api files), so the two together use the machine's two cores where one after the other left one idle. Every
 * file of both runs takes the one database lock (a writer runs alone), and one file of each project runs at a
 * time, as before. The system run's output is printed when both are done (test-artifacts/system.log); its results
 * go to test-artifacts/vitest-system.json and projects-system.json. Arguments are passed to both runs (file
 * filters). Exits non-zero when either run fails.
 *
 * `--check` also runs `npm run check:static` (schema check, typecheck, lint: they only read the tree) beside the
 * two runs, while the test Neo4j starts; its output is printed first when all are done (test-artifacts/check.log),
 * and it fails the whole when it fails. `npm test` runs the codegen check first (it rewrites the generated files,
 * which the tests read), then this with `--check`.
 *
 *   npm test                       (npm run codegen:check, then this with --check)
 *   npx tsx scripts/test.ts [--check] [vitest arguments]
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resetShare } from '../tests/support/shared-graph.js';

const withCheck = process.argv[2] === '--check';
const args = process.argv.slice(withCheck ? 3 : 2);
const share = process.env['TEST_GRAPH_SHARE'] || path.join(tmpdir(), `border-graph-test-graph-${process.pid}.json`);
mkdirSync('test-artifacts', { recursive: true });
const systemLog = 'test-artifacts/system.log';
const checkLog = 'test-artifacts/check.log';

/** `npm run check:static` with its output to a file, or undefined when not asked for. */
function staticCheck(): Promise<number> | undefined {
  if (!withCheck) return undefined;
  const fd = openSync(checkLog, 'w');
  const child = spawn('npm', ['run', 'check:static'], { stdio: ['ignore', fd, fd] });
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      closeSync(fd);
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
}

function vitest(projects: string[], env: NodeJS.ProcessEnv, out: 'inherit' | number): Promise<number> {
  // --passWithNoTests: a file filter may select nothing of one of the two runs.
  const child = spawn('npx', ['vitest', 'run', '--passWithNoTests', ...projects.flatMap((p) => ['--project', p]), ...args], {
    env,
    stdio: ['ignore', out, out],
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const started = Date.now();
const check = staticCheck();
resetShare(share);
const { TEST_GRAPH_JOIN: _join, ...base } = process.env;
const logFd = openSync(systemLog, 'w');
const system = vitest(['system'], { ...base, TEST_GRAPH_SHARE: '', TEST_GRAPH_JOIN: share, TEST_ARTIFACTS_TAG: 'system' }, logFd);
// The shared test graph plans several thousand distinct statements over the three runs (the differential test's
// generated operations, the Node 24 run's repeats of the api files): Neo4j's 1000 cached plans were all in use after
// the api run alone, and an evicted plan is planned again. The launcher reads neo4j.query.cache.entries.
const javaOptions = [base['JDK_JAVA_OPTIONS'], '-Dneo4j.query.cache.entries=5000'].filter(Boolean).join(' ');
const api = vitest(['unit', 'api'], { ...base, TEST_GRAPH_SHARE: share, JDK_JAVA_OPTIONS: javaOptions }, 'inherit').then((code) => {
  // Ended without opening its graph (a failed setup, no api file selected): the system run starts its own.
  if (!existsSync(`${share}.closed`)) writeFileSync(`${share}.closed`, '');
  return code;
});
const [apiCode, systemCode, checkCode] = await Promise.all([api, system, check]);
closeSync(logFd);
if (check) {
  process.stdout.write(`\n== npm run check:static (run beside the tests; ${checkLog}): exit ${checkCode}\n`);
  process.stdout.write(readFileSync(checkLog, 'utf8'));
}
process.stdout.write(`\n== the system project (run beside the unit and api projects; ${systemLog})\n`);
process.stdout.write(readFileSync(systemLog, 'utf8'));
process.stdout.write(
  `\nnpm test's vitest runs took ${((Date.now() - started) / 1000).toFixed(0)} s (unit + api: exit ${apiCode}; system: exit ${systemCode}${check ? `; check:static: exit ${checkCode}` : ''})\n`,
);
process.exit(apiCode !== 0 ? apiCode : systemCode !== 0 ? systemCode : (checkCode ?? 0));

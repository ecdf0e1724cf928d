/**
 * The API over HTTP against @neo4j/graphql (the peer, bench/peer/) and against hand-written Cypher behind a
 * minimal node:http server (the floor, bench/floor/), each in its own process, all reading the same Neo4j.
 * For each saved operation (operations/*.graphql, with its default variables) and each concurrency level,
 * the same closed loop (N clients, each sending its next request when the previous one is answered) runs
 * on every side in interleaved rounds. Before timing, the ids in each side's answer must be the same set.
 *
 * The parts: overhead/operations.ts (what is sent to each side), check.ts (the same ids), loop.ts (the
 * closed loop), cpu.ts (CPU per process from /proc), sides.ts (the processes), measure.ts (the run),
 * verdicts.ts (targets and the explanation of a miss), report.ts (Markdown). Numbers are reported, never
 * asserted.
 *
 *   npx tsx bench/overhead.ts --neo4j bolt://127.0.0.1:7687                  # starts the API, peer and floor
 *   npx tsx bench/overhead.ts --neo4j bolt://127.0.0.1:7687 --concurrency 1,8,32 --duration 4 --rounds 2 \
 *       --warmup 1 --operations MeetingPage,search --no-peer --json overhead.json
 *
 * The Neo4j must already hold the data (the seed graph); this entry point loads nothing.
 */
import { writeFileSync } from 'node:fs';
import { argument, runIfMain } from './support/cli.js';
import { failures, runOverhead } from './overhead/measure.js';
import { overheadMarkdown } from './overhead/report.js';
import { startSides } from './overhead/sides.js';

export { checkOperation, collectIds, compareIds, queryApi, runFloor } from './overhead/check.js';
export type { IdComparison, OperationCheck } from './overhead/check.js';
export { DEFAULT_CONCURRENCY, failures, runOverhead } from './overhead/measure.js';
export type { OperationResult, OverheadOptions, OverheadReport } from './overhead/measure.js';
export { FLOOR_DIR, loadBenchOperations, OPERATIONS_DIR, withVariables } from './overhead/operations.js';
export type { BenchOperation } from './overhead/operations.js';
export { overheadMarkdown } from './overhead/report.js';
export { TARGETS } from './overhead/verdicts.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const uri = argument(args, 'neo4j') ?? process.env['NEO4J_URI'];
  if (!uri) throw new Error('give the Neo4j that holds the seed graph: --neo4j bolt://127.0.0.1:PORT (or NEO4J_URI).');
  const bolt = {
    uri,
    username: argument(args, 'username') ?? process.env['NEO4J_USERNAME'] ?? 'neo4j',
    password: argument(args, 'password') ?? process.env['NEO4J_PASSWORD'] ?? '',
    database: argument(args, 'database') ?? process.env['NEO4J_DATABASE'] ?? 'neo4j',
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sides = await startSides(bolt, { peer: !args.includes('--no-peer'), log });
  try {
    const report = await runOverhead(
      {
        apiUrl: sides.apiUrl,
        floorUrl: sides.floorUrl,
        peerUrl: sides.peerUrl,
        neo4jUri: uri,
        pids: { ...sides.pids, ...(argument(args, 'neo4j-pid') ? { neo4j: Number(argument(args, 'neo4j-pid')) } : {}) },
        concurrency: (argument(args, 'concurrency') ?? '1,8,32').split(',').map(Number),
        durationSeconds: Number(argument(args, 'duration') ?? 4),
        rounds: Number(argument(args, 'rounds') ?? 2),
        warmupSeconds: Number(argument(args, 'warmup') ?? 1),
        ...(argument(args, 'operations') ? { operations: argument(args, 'operations')!.split(',') } : {}),
      },
      log,
    );
    process.stdout.write(overheadMarkdown(report));
    const json = argument(args, 'json');
    if (json) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
    const failed = failures(report);
    if (failed > 0) {
      process.stderr.write(`overhead: ${failed} failed checks or requests; zero were expected.\n`);
      process.exitCode = 1;
    }
  } finally {
    await sides.stop();
  }
}

runIfMain(import.meta.url, main);

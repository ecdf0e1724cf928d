/**
 * What `npm run seed -- --bulk` checks before it writes anything (issue 27: it failed after minutes of work
 * with "port already in use" when the real conflict was a Neo4j running on its data folder): the local
 * Neo4j's data folder must not be in use by a running Neo4j (`npm start`, `npm run neo4j -- start`), since
 * the load replaces that database while no Neo4j runs on it; and the local Neo4j's port must be free, since
 * the load starts it there to check and finish the new store. Each refusal says which of the two it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPortInUse } from '../../local-neo4j/local-neo4j.js';
import { BulkImportError } from './import-tool.js';

/** The main class the local Neo4j runs (src/local-neo4j/local-neo4j.ts): its next arguments are the data folder and the port. */
const LAUNCHER_CLASS = 'local.neo4j.Launcher';

/** The running local Neo4j processes (their pid, data folder and port), read from /proc (none where there is no /proc). */
export function runningLocalNeo4js(): { pid: number; dataDir: string; port: string }[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\u0000');
    } catch {
      return [];
    }
    const at = args.indexOf(LAUNCHER_CLASS);
    return at === -1 || args[at + 1] === undefined ? [] : [{ pid: Number(pid), dataDir: path.resolve(args[at + 1]!), port: args[at + 2] ?? '?' }];
  });
}

export async function bulkPreflight(local: { dataDir: string; port: number }): Promise<void> {
  const live = path.resolve(local.dataDir);
  const user = runningLocalNeo4js().find((p) => p.dataDir === live);
  if (user) {
    throw new BulkImportError(
      `the data folder ${local.dataDir} is in use by a running Neo4j (pid ${user.pid}, Bolt port ${user.port}): a bulk load replaces that database and needs it stopped. ` +
        'Stop the `npm start` or `npm run neo4j -- start` that runs it, then load again; or load into the running one without --bulk.',
    );
  }
  if (await isPortInUse(local.port)) {
    throw new BulkImportError(
      `port ${local.port} (LOCAL_NEO4J_PORT) is in use by another program, not by a Neo4j on ${local.dataDir}: the bulk load starts the local Neo4j on it to check the new store. ` +
        'Stop that program or set LOCAL_NEO4J_PORT to a free port.',
    );
  }
}

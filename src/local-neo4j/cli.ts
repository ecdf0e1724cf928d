/**
 * `npm run neo4j -- build`: fetch the Neo4j jars and compile the launcher (what the first start does).
 * `npm run neo4j -- start`: run the local Neo4j alone in the foreground (Ctrl-C stops it), for
 * browsing it with your own tools while the API is not running.
 */
import { loadConfigOrExit } from '../config.js';
import { ensureLauncherBuilt, LocalNeo4jError, startLocalNeo4j } from './local-neo4j.js';

async function run(command: string | undefined): Promise<void> {
  const config = loadConfigOrExit();
  if (command === 'build') {
    ensureLauncherBuilt();
    return;
  }
  if (command === 'start') {
    const neo4j = await startLocalNeo4j({ ...config.localNeo4j });
    process.stdout.write(`local Neo4j listening on ${neo4j.uri} (no authentication; loopback only). Ctrl-C stops it.\n`);
    const stop = () => void neo4j.stop().then(() => process.exit(0));
    // `on`, not `once`: a signal to the whole group arrives twice (directly and relayed by npm).
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await neo4j.exited;
    return;
  }
  process.stderr.write('usage: npm run neo4j -- build | start\n');
  process.exit(2);
}

run(process.argv[2]).catch((error: unknown) => {
  if (error instanceof LocalNeo4jError) {
    process.stderr.write(`error: ${error.message}\n`);
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});

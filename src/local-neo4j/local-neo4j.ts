/**
 * The embedded default: the real Neo4j 5.26 engine, run from the jars Maven fetches into the local
 * repository, with Bolt on loopback. `startLocalNeo4j` builds the launcher on first use (with
 * Maven's own download progress), refuses a port that is taken, waits for the launcher's READY
 * line and gives one actionable error on every failure; the handle stops it cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { gracefulStop } from '../child-process.js';

export const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j-local', import.meta.url));
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const CLASS_FILE = path.join(LAUNCHER_DIR, 'target', 'classes', 'local', 'neo4j', 'Launcher.class');

const JVM_OPTIONS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-Xms256m',
];

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  startTimeoutMs: number;
  heapMb?: number;
  pageCacheMb?: number;
  /** The heap one transaction may use (the launcher's neo4j.tx.memory.mb, default 256 MiB). */
  txMemoryMb?: number;
  /** The heap all transactions together may use (neo4j.tx.total.memory.mb, default 1024 MiB). */
  txTotalMemoryMb?: number;
  /** More JVM options (the analyst's Neo4j exits on a heap exhaustion, so that it is restarted). */
  jvmOptions?: string[];
  /** Run the JVM at this niceness (`nice -n`), below the API and the public Neo4j. */
  nice?: number;
  /** Where progress lines go (Maven's first download, start-up). */
  progress?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** Stops the engine (SIGTERM, then SIGKILL after a grace period) and resolves when it has exited. */
  stop(): Promise<void>;
  /** Kills the engine at once (SIGKILL: a statement Neo4j cannot interrupt ends with it) and resolves when it has exited. */
  kill(): Promise<void>;
  /** Resolves when the process exits for any reason. */
  exited: Promise<number | null>;
}

function commandExists(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

/** Compiles the launcher and resolves its classpath, fetching the Neo4j jars the first time. */
export function ensureLauncherBuilt(progress: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  const pom = path.join(LAUNCHER_DIR, 'pom.xml');
  const source = path.join(LAUNCHER_DIR, 'src', 'main', 'java', 'local', 'neo4j', 'Launcher.java');
  const fresh =
    existsSync(CLASSPATH_FILE) &&
    existsSync(CLASS_FILE) &&
    statSync(CLASS_FILE).mtimeMs >= statSync(source).mtimeMs &&
    statSync(CLASSPATH_FILE).mtimeMs >= statSync(pom).mtimeMs;
  if (fresh) return;
  if (!commandExists('java', ['-version'])) {
    throw new LocalNeo4jError('Java 17 or newer is needed to run the local Neo4j: install it (apt-get install -y openjdk-17-jre-headless) or set NEO4J_URI to your own Neo4j.');
  }
  if (!commandExists('mvn', ['-v'])) {
    throw new LocalNeo4jError('Maven is needed once to fetch the Neo4j jars: install it (apt-get install -y maven) or set NEO4J_URI to your own Neo4j.');
  }
  progress('local Neo4j: fetching the Neo4j 5.26 jars through Maven and compiling the launcher (first run only; about 90 MB)…');
  const r = spawnSync('mvn', ['-B', '--no-transfer-progress', 'compile'], {
    cwd: LAUNCHER_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    throw new LocalNeo4jError(`Maven could not build the local Neo4j launcher (exit ${r.status}); see its output above. Is Maven Central reachable?`);
  }
  progress('local Neo4j: jars ready.');
}

/** True when something already accepts connections on 127.0.0.1:port. */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const progress = options.progress ?? ((l: string) => process.stderr.write(`${l}\n`));
  ensureLauncherBuilt(progress);
  if (await isPortInUse(options.port)) {
    throw new LocalNeo4jError(
      `port ${options.port} is already in use, so the local Neo4j cannot start: stop what uses it, set LOCAL_NEO4J_PORT to a free port, or set NEO4J_URI to use that Neo4j.`,
    );
  }
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const classpath = `${path.join(LAUNCHER_DIR, 'target', 'classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const args = [
    ...JVM_OPTIONS,
    `-Xmx${options.heapMb ?? 2048}m`,
    `-Dneo4j.pagecache.mb=${options.pageCacheMb ?? 512}`,
    ...(options.txMemoryMb ? [`-Dneo4j.tx.memory.mb=${options.txMemoryMb}`] : []),
    ...(options.txTotalMemoryMb ? [`-Dneo4j.tx.total.memory.mb=${options.txTotalMemoryMb}`] : []),
    ...(options.jvmOptions ?? []),
    '-cp',
    classpath,
    'local.neo4j.Launcher',
    dataDir,
    String(options.port),
    '127.0.0.1',
  ];
  progress(`local Neo4j: starting on bolt://127.0.0.1:${options.port} (data in ${path.relative(process.cwd(), dataDir) || dataDir})…`);
  const started = Date.now();
  // Its own process group: a signal to the API's group (Ctrl-C) must not stop Neo4j before the API has
  // drained; the API stops it afterwards, and the launcher stops itself when its stdin closes.
  // `nice` execs java in place: the pid is the JVM's, and every thread it starts inherits the niceness.
  const [command, commandArgs] = options.nice ? ['nice', ['-n', String(options.nice), 'java', ...args]] : ['java', args];
  const child: ChildProcess = spawn(command, commandArgs, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`the local Neo4j did not become ready within ${options.startTimeoutMs} ms (LOCAL_NEO4J_START_TIMEOUT_MS); its last output:\n${stderrTail}`));
    }, options.startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /READY (bolt:\/\/\S+)/.exec(buffer);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const locked = /lock|StoreLocked|FileLockException/i.test(stderrTail);
      reject(
        new LocalNeo4jError(
          locked
            ? `the local Neo4j data folder ${dataDir} is in use by another Neo4j process: stop that one first.`
            : `the local Neo4j exited during start-up (code ${code}); its last output:\n${stderrTail}`,
        ),
      );
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`could not run java: ${error.message}`));
    });
  });
  progress(`local Neo4j: ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  const stop = gracefulStop(child, exited, 30_000);
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { uri, pid: child.pid ?? -1, stop, kill, exited };
}

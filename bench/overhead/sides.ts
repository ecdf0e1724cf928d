/** The peer and the floor server in their own processes, beside the API (bench/support/api-process.ts). */
import { freePort } from '../support/free-port.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

export interface Bolt {
  uri: string;
  username: string;
  password: string;
  database: string;
}

function boltEnv(bolt: Bolt, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    NEO4J_URI: bolt.uri,
    NEO4J_USERNAME: bolt.username,
    NEO4J_PASSWORD: bolt.password,
    NEO4J_DATABASE: bolt.database,
  };
}

/** @neo4j/graphql behind Apollo Server's standalone server (bench/peer/server.ts). */
export async function startPeerProcess(bolt: Bolt): Promise<ServerProcess & { url: string }> {
  const port = await freePort();
  // Apollo answers a bare GET / with 400 (no query): listening is what "ready" means here.
  const p = await startServerProcess({ name: 'the peer (@neo4j/graphql)', script: 'bench/peer/server.ts', port, env: boltEnv(bolt, port), readyStatus: 'any' });
  return { ...p, url: `${p.origin}/` };
}

/** The floor statements behind a minimal node:http server (bench/floor/server.ts). */
export async function startFloorProcess(bolt: Bolt): Promise<ServerProcess & { url: string }> {
  const port = await freePort();
  const p = await startServerProcess({ name: 'the floor server', script: 'bench/floor/server.ts', port, env: boltEnv(bolt, port) });
  return { ...p, url: `${p.origin}/` };
}

export interface Sides {
  apiUrl: string;
  floorUrl: string;
  peerUrl: string | undefined;
  pids: { api: number; floor: number; peer?: number };
  stop(): Promise<void>;
}

/** The API, the floor server and (unless `peer` is false) the peer, each in its own process. */
export async function startSides(bolt: Bolt, options: { peer?: boolean; log?: (line: string) => void } = {}): Promise<Sides> {
  const { startApiProcess } = await import('../support/api-process.js');
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    const api = await startApiProcess({ neo4jUri: bolt.uri, username: bolt.username, password: bolt.password, database: bolt.database });
    started.push(api);
    const floor = await startFloorProcess(bolt);
    started.push(floor);
    const peer = options.peer === false ? undefined : await startPeerProcess(bolt);
    if (peer) started.push(peer);
    options.log?.(`API ${api.url} (pid ${api.pid}), floor ${floor.url} (pid ${floor.pid})${peer ? `, peer ${peer.url} (pid ${peer.pid})` : ''}`);
    return {
      apiUrl: api.url,
      floorUrl: floor.url,
      peerUrl: peer?.url,
      pids: { api: api.pid, floor: floor.pid, ...(peer ? { peer: peer.pid } : {}) },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

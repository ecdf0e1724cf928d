/**
 * Analyst Cypher isolated at the process level (issue 27, defect 3). A real `npm start` with its own local
 * Neo4j (Bolt on 7731) and, with ANALYST_CYPHER_TOKEN set, the analyst's own Neo4j (7732). The `collect()`
 * CPU bomb passes the policy (it builds its list by aggregation, not with `range()`); Neo4j cannot interrupt
 * the expression once it runs. While it is sent, public requests run in a loop, and the public database is
 * watched: the bomb must never run there, no public request may fail, the bomb's caller is told its
 * statement ran past its time limit, and the analyst's database recovers by itself (restarted by the
 * watchdog), answering analyst Cypher again with the same data.
 */
import { readFileSync, rmSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendants, isAlive, npmStart, type NpmStart } from '../support/npm-start.js';

const TOKEN = 'analyst-token-for-the-isolation-test';
const PUBLIC_PORT = 7731;
const ANALYST_PORT = 7732;
const PUBLIC_DIR = '.neo4j/analyst-isolation-public';
const ANALYST_DIR = '.neo4j/analyst-isolation-analyst';
const BOMB = 'UNWIND range(1,100000) AS x WITH collect(x) AS l RETURN reduce(s=0, a IN l | s + size([b IN l WHERE b < a])) AS v';
const CYPHER = 'query A($query: String!) { cypher(query: $query) { rows } }';
const PUBLIC_QUERIES = [
  '{ meetings(first: 5, orderBy: { field: NAME }) { totalCount edges { node { id name } } } }',
  '{ node(id: "meeting:firearms-promotion") { ... on Meeting { name chief { name } members(first: 5) { edges { node { __typename } } } } } }',
  '{ search(text: "customs", first: 5) { edges { node { id } } } }',
];

let api: NpmStart;
let publicDriver: Driver;

interface Answer {
  status: number;
  code: string | undefined;
  message: string;
  data: any;
}

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(120_000),
  });
  const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message ?? '', data: body.data };
}

const analyst = (query: string) => post(CYPHER, { query }, { authorization: `Bearer ${TOKEN}` });

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function neo4jPid(dir: string): number | undefined {
  return descendants(api.child.pid!).find((p) => /local\.neo4j\.Launcher/.test(p.cmd) && p.cmd.includes(dir))?.pid;
}

beforeAll(async () => {
  for (const dir of [PUBLIC_DIR, ANALYST_DIR]) rmSync(dir, { recursive: true, force: true });
  api = await npmStart({
    ANALYST_CYPHER_TOKEN: TOKEN,
    LOCAL_NEO4J_PORT: String(PUBLIC_PORT),
    LOCAL_NEO4J_DATA_DIR: PUBLIC_DIR,
    LOCAL_ANALYST_NEO4J_PORT: String(ANALYST_PORT),
    LOCAL_ANALYST_NEO4J_DATA_DIR: ANALYST_DIR,
    LOG_LEVEL: 'info',
  });
  publicDriver = neo4j.driver(`bolt://127.0.0.1:${PUBLIC_PORT}`, neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true });
});

afterAll(async () => {
  await publicDriver?.close();
  if (!api) return;
  const procs = descendants(api.child.pid!);
  for (const p of [{ pid: api.child.pid! }, ...procs]) if (isAlive(p.pid)) process.kill(p.pid, 'SIGKILL');
});

describe('the collect() CPU bomb', () => {
  it('never reaches the public database; public requests all succeed; the analyst database recovers by itself', async () => {
    // The analyst copy answers with the public data (it is refreshed after the seed load).
    const meetings = (await post('{ meetings { totalCount } }')).data.meetings.totalCount as number;
    const copy = async () => (await analyst('MATCH (m:Meeting) RETURN count(m) AS n')).data?.cypher?.rows?.[0]?.n;
    for (let i = 0; i < 240 && (await copy()) !== meetings; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await copy(), api.output()).toBe(meetings);

    const publicPid = neo4jPid(PUBLIC_DIR)!;
    expect(publicPid, api.output()).toBeDefined();
    const cpuBefore = cpuSeconds(publicPid);
    let stop = false;

    // Public requests in a loop, two clients, for the whole episode.
    const publicFailures: string[] = [];
    let publicDone = 0;
    const client = async (offset: number) => {
      for (let i = offset; !stop; i++) {
        const query = PUBLIC_QUERIES[i % PUBLIC_QUERIES.length]!;
        const a = await post(query).catch((e: unknown) => ({ status: 0, code: String(e), message: '', data: null }));
        if (a.status !== 200 || a.code !== undefined) publicFailures.push(`${a.status} ${a.code} ${a.message}`);
        publicDone += 1;
      }
    };
    // The public database's running transactions, looked at all along: the bomb must never be among them.
    const seenOnPublic = new Set<string>();
    const watch = async () => {
      while (!stop) {
        const { records } = await publicDriver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery');
        for (const r of records) if (String(r.get('currentQuery')).includes('collect(x)')) seenOnPublic.add(String(r.get('currentQuery')));
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const loops = Promise.all([client(0), client(1), watch()]);

    const bombStarted = Date.now();
    const bomb = await analyst(BOMB);
    // Its caller is told the statement ran past its time limit (not a generic failure).
    expect(bomb.code, JSON.stringify(bomb)).toBe('QUERY_TIMEOUT');

    // Analyst requests meanwhile: either answered, or 503 saying the analyst database restarts.
    const duringRecovery: Answer[] = [];
    for (;;) {
      const a = await analyst('MATCH (m:Meeting) RETURN count(m) AS n');
      duringRecovery.push(a);
      if (a.code === undefined && a.data?.cypher?.rows?.[0]?.n === meetings) break;
      if (Date.now() - bombStarted > 180_000) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const recovered = duringRecovery.at(-1)!;
    expect(recovered.code, `${JSON.stringify(duringRecovery.slice(-3))}\n${api.output()}`).toBeUndefined();
    for (const a of duringRecovery.slice(0, -1)) {
      expect(a.status, JSON.stringify(a)).toBe(503);
      expect(a.code).toBe('DATABASE_UNAVAILABLE');
      expect(a.message).toMatch(/analyst/i);
    }
    const recoveredMs = Date.now() - bombStarted;

    // A few more seconds of public load after the recovery, then stop.
    await new Promise((r) => setTimeout(r, 3_000));
    stop = true;
    await loops;
    const publicCpu = cpuSeconds(publicPid) - cpuBefore;

    process.stderr.write(
      `collect() bomb: analyst answered again after ${recoveredMs} ms; ${publicDone} public requests meanwhile, ` +
        `${publicFailures.length} failed; the public Neo4j used ${publicCpu.toFixed(1)} CPU s over the episode\n`,
    );
    expect([...seenOnPublic]).toEqual([]);
    expect(publicFailures).toEqual([]);
    expect(publicDone).toBeGreaterThan(0);

    // Stopped for real: no transaction of the bomb is left running on the analyst's database either.
    const analystDriver = neo4j.driver(`bolt://127.0.0.1:${ANALYST_PORT}`, neo4j.auth.basic('neo4j', ''));
    try {
      const { records } = await analystDriver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery');
      expect(records.map((r) => String(r.get('currentQuery'))).filter((q) => q.includes('collect(x)'))).toEqual([]);
    } finally {
      await analystDriver.close();
    }
  }, 400_000);
});

/**
 * Security properties a reviewer would otherwise check by hand: Cypher is never built from strings
 * (only the catalog's statements, with `spliceIdentifiers` as the one whitelisted splice), Neo4j's
 * internal element ids never reach a client, the local Neo4j binds loopback only, and a configured
 * password never appears in the logs.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedOperations } from '../../bench/load.js';
import { freePort } from '../../bench/support/free-port.js';
import { neo4jSettings } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ─── string-built Cypher ───

/** Methods whose first argument is a Cypher statement. */
const CYPHER_METHODS = new Set(['read', 'write', 'run', 'executeQuery', 'readTx', 'writeTx']);
/** Receivers that are the database, a transaction, a session or the driver. */
const CYPHER_RECEIVER = /(^|\.)(db|database|tx|session|driver)$/i;

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** True when an expression builds a string at run time (a template with `${}` or a `+`), outside `spliceIdentifiers`. */
function isStringBuilt(node: ts.Expression, locals: Map<string, ts.Expression>, seen = new Set<string>()): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return isStringBuilt(node.expression, locals, seen);
  if (ts.isTemplateExpression(node)) return true;
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken)) return true;
  if (ts.isConditionalExpression(node)) return isStringBuilt(node.whenTrue, locals, seen) || isStringBuilt(node.whenFalse, locals, seen);
  if (ts.isCallExpression(node)) {
    const callee = node.expression.getText();
    if (/(^|\.)spliceIdentifiers$/.test(callee)) return false;
    // `.concat(…)`, `.join(…)`, `.replace(…)` on a statement are string building too.
    if (ts.isPropertyAccessExpression(node.expression) && ['concat', 'join', 'replace', 'replaceAll'].includes(node.expression.name.text)) return true;
    return false;
  }
  if (ts.isIdentifier(node)) {
    const init = locals.get(node.text);
    if (!init || seen.has(node.text)) return false;
    seen.add(node.text);
    return isStringBuilt(init, locals, seen);
  }
  return false;
}

/** Every call in `source` that sends a string-built statement to Neo4j. */
export function findStringBuiltCypher(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const locals = new Map<string, ts.Expression>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) locals.set(node.name.text, node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isIdentifier(node.left)) {
      // `cypher += '…'` turns a variable into a built string.
      locals.set(node.left.text, node);
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression.getText();
      const first = node.arguments[0];
      if (CYPHER_METHODS.has(method) && CYPHER_RECEIVER.test(receiver) && first && isStringBuilt(first, locals)) {
        findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().slice(0, 160) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : tsFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

describe('Cypher takes parameters only', () => {
  it('the scanner catches string-built statements (so the real scan can fail)', () => {
    const bad = `
      async function a(db, tx, label, name) {
        await db.read(\`MATCH (n:\${label}) RETURN n\`, {});
        await tx.run('MATCH (n {name: "' + name + '"}) RETURN n');
        const q = \`MATCH (n) WHERE n.name = '\${name}' RETURN n\`;
        await this.db.write(q, {});
        let c = 'MATCH (n) ';
        c += 'WHERE n.x = ' + name;
        await session.run(c);
        await db.read(['MATCH', label].join(' '), {});
      }`;
    expect(findStringBuiltCypher('bad.ts', bad).map((f) => f.line)).toEqual([3, 4, 6, 9, 10]);
    const good = `
      async function b(db, tx, q, WHITELIST, label) {
        await db.read(q['entity/page'], { label });
        await tx.run(this.q['analytics/expand'], {});
        const cypher = spliceIdentifiers(q['entity/page'], WHITELIST, { label });
        await this.db.read(cypher, {});
        await db.write('CALL db.awaitIndexes(300)', {});
        await db.read(\`MATCH (n) RETURN n\`, {});
      }`;
    expect(findStringBuiltCypher('good.ts', good)).toEqual([]);
  });

  it('no file under src/ sends a string-built statement to Neo4j', () => {
    const findings = tsFiles(path.join(ROOT, 'src')).flatMap((file) => findStringBuiltCypher(path.relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(findings, 'statements must come from cypher/ (spliceIdentifiers for whitelisted identifiers)').toEqual([]);
  });
});

// ─── element ids, loopback ───

/** Neo4j 5 element ids: `<n>:<database uuid>:<id>`; older ids are bare integers in `elementId`/`identity` fields. */
const ELEMENT_ID = /\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+/i;
const ELEMENT_ID_FIELD = /"(elementId|startNodeElementId|endNodeElementId|identity|elementID)"\s*:/;
const CYPHER_RAW = 'query Raw($q: String!) { cypher(query: $q) { rows rowCount } }';

describe('internal ids stay inside', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the element-id pattern matches a real element id (so the check can fail)', () => {
    expect(ELEMENT_ID.test('{"id":"4:6e4f0a35-3b44-4a7e-9d57-1c2f4cbd1a2e:17"}')).toBe(true);
    expect(ELEMENT_ID_FIELD.test('{"elementId": "x"}')).toBe(true);
  });

  it('no response carries a Neo4j element id: every saved operation, lookups, search, paths and neighbourhoods', async () => {
    const queries = [
      ...savedOperations().operations.map((o) => JSON.parse(o.body) as { query: string; operationName?: string }),
      { query: '{ nodes(ids: ["organisation:cabinet", "meeting:firearms-promotion", "agreement:tpp", "nope"]) { id __typename ... on Entity { key name } } }' },
      { query: '{ search(text: "customs", first: 50) { node { id key name } matched } }' },
      { query: '{ organisations(first: 100) { edges { cursor node { id key parent { id } } } pageInfo { endCursor startCursor } } }' },
      {
        query:
          '{ neighbourhood(id: "organisation:cabinet", depth: 2) { centre { id } nodes { distance node { id } } relationships { id type properties direction } } }',
      },
      { query: '{ shortestPath(from: "office:prime-minister", to: "meeting:firearms-promotion", all: true) { paths { nodes { id } relationships { id type properties } } } }' },
    ];
    let checked = 0;
    for (const q of queries) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(q),
      });
      const text = await res.text();
      expect(ELEMENT_ID.test(text), `${q.operationName ?? q.query.slice(0, 60)} leaks an element id: ${text.match(ELEMENT_ID)?.[0]}`).toBe(false);
      expect(ELEMENT_ID_FIELD.test(text), `${q.operationName ?? q.query.slice(0, 60)} has an element-id field`).toBe(false);
      // Cursors are opaque but readable: they must not hide an element id either.
      for (const cursor of text.match(/"(?:cursor|endCursor|startCursor)":"([A-Za-z0-9_-]+)"/g) ?? []) {
        const value = cursor.split(':"')[1]!.slice(0, -1);
        expect(Buffer.from(value, 'base64url').toString('utf8')).not.toMatch(ELEMENT_ID);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('analyst Cypher returns nodes, relationships and paths without their element ids, and refuses elementId() and id()', async () => {
    const token = 'analyst-token-for-the-security-test';
    const analyst = await startTestServer({ ANALYST_CYPHER_TOKEN: token, ANALYST_CYPHER_ON_PUBLIC_DATABASE: 'true' });
    try {
      const res = await analyst.gql<{ cypher: { rows: unknown[] } }>(
        CYPHER_RAW,
        { q: 'MATCH p = (n:Entity)-[r]->(m:Entity) RETURN n, r, m, p, [n, r] AS list, {node: n} AS map LIMIT 5' },
        { authorization: `Bearer ${token}` },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.cypher.rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(ELEMENT_ID);
      expect(text).not.toMatch(ELEMENT_ID_FIELD);
      // Relationships name their ends by the entities' keys instead.
      expect((res.body.data?.cypher.rows[0] as any).r.startId).toBe((res.body.data?.cypher.rows[0] as any).n.properties.key);
      for (const q of ['MATCH (n) RETURN elementId(n) AS x LIMIT 1', 'MATCH ()-[r]->() RETURN id(r) AS x LIMIT 1']) {
        const refused = await analyst.gql(CYPHER_RAW, { q }, { authorization: `Bearer ${token}` });
        expect(refused.body.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
        expect(JSON.stringify(refused.body)).not.toMatch(ELEMENT_ID);
      }
    } finally {
      await analyst.stop();
    }
  });

  it('the local Neo4j launcher binds loopback only and refuses any other host', () => {
    const launcher = readFileSync(path.join(ROOT, 'neo4j-local/src/main/java/local/neo4j/Launcher.java'), 'utf8');
    expect(launcher).toMatch(/refusing to listen on/);
    expect(launcher).toMatch(/!host\.equals\("127\.0\.0\.1"\) && !host\.equals\("localhost"\) && !host\.equals\("::1"\)/);
    expect(launcher).not.toMatch(/HttpConnector|HttpsConnector/);
    const starter = readFileSync(path.join(ROOT, 'src/local-neo4j/local-neo4j.ts'), 'utf8');
    expect(starter).toMatch(/String\(options\.port\),\s*'127\.0\.0\.1',?\s*\]/);
  });

  it('the test run’s local Neo4j answers on 127.0.0.1 and on no other interface', async () => {
    const uri = new URL(neo4jSettings().uri.replace(/^bolt/, 'http'));
    if (uri.hostname !== '127.0.0.1') return; // an external Neo4j (TEST_NEO4J_URI) is not ours to judge
    const port = Number(uri.port);
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port });
        socket.setTimeout(1_500);
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('timeout', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a): a is NonNullable<typeof a> => !!a && !a.internal && a.family === 'IPv4')
      .map((a) => a.address);
    for (const address of external) expect(await reachable(address), `Neo4j reachable on ${address}:${port}`).toBe(false);
  });
});

// ─── secrets in logs ───

const CANARY = 'canary-Pa55w0rd-7f3c9e1b';

/** Runs `npm start`'s entry point with a password set, and returns everything it printed. */
function runApi(env: Record<string, string>, whileUp?: (url: string) => Promise<void>): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'development', SEED_ON_START: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let acted = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (ready?.[1] && !acted && whileUp) {
        acted = true;
        whileUp(ready[1])
          .catch((e: unknown) => {
            output += `\n[test] ${String(e)}`;
          })
          .finally(() => child.kill('SIGTERM'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}

describe('no secrets in logs', () => {
  it('a configured NEO4J_PASSWORD never appears in the output at trace level: start-up, requests, errors, shutdown', async () => {
    const s = neo4jSettings();
    const { output } = await runApi(
      { NEO4J_URI: s.uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: CANARY, LOG_LEVEL: 'trace', PORT: String(await freePort()) },
      async (url) => {
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ search(text: "customs") { matched } }' }) });
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) });
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad json' });
      },
    );
    expect(output).toMatch(/ready at/);
    expect(output).not.toContain(CANARY);
  }, 120_000);

  it('nor when Neo4j cannot be reached at start-up', async () => {
    const { output, code } = await runApi({ NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`, NEO4J_PASSWORD: CANARY, LOG_LEVEL: 'trace', PORT: String(await freePort()) });
    expect(code).not.toBe(0);
    expect(output).toMatch(/cannot reach Neo4j/);
    expect(output).not.toContain(CANARY);
  }, 120_000);
});

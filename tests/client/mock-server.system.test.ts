/**
 * `npm run mock` (scripts/mock-server.ts): the API's GraphQL layer over the seed in memory, no Neo4j. Every
 * saved operation of operations/ gets an answer with data and no errors; `node(id:)` answers the
 * seed's entity of that id, by type and name; and the command itself starts and answers on a PATH
 * that has node and npm but no Java.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleOperations } from '../../src/http/ide.js';
import { startMockServer } from '../../scripts/mock-server.js';

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer(0);
});
afterAll(async () => {
  await mock?.stop();
});

async function post(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(mock.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] } };
}

describe('the mock server', () => {
  it.each(loadExampleOperations().map((e) => [e.name, e.query] as const))('answers %s with data and no errors', async (_name, query) => {
    const res = await post(query);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(Object.values(res.body.data ?? {}).length).toBeGreaterThan(0);
  });

  it("answers node(id:) with the seed's entity: its type and name", async () => {
    const res = await post('query($id: ID!) { node(id: $id) { __typename id ... on Meeting { name } } }', { id: 'meeting:firearms-promotion' });
    expect(res.body.data).toEqual({ node: { __typename: 'Meeting', id: 'meeting:firearms-promotion', name: 'Meeting for the Promotion of Measures against Firearms' } });
  });
});

describe('`npm run mock` as a command', () => {
  it('starts with no Java on the PATH and answers a saved operation', async () => {
    // A PATH with node, npm and sh only: no java, so no local Neo4j could start.
    const bin = mkdtempSync(path.join(tmpdir(), 'mock-path-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    symlinkSync('/bin/sh', path.join(bin, 'sh'));
    const npm = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(realpathSync(npm), path.join(bin, 'npm'));
    const env = { HOME: process.env['HOME'] ?? tmpdir(), PATH: bin, PORT: '0', npm_config_update_notifier: 'false' };
    expect(spawnSync('/bin/sh', ['-c', 'command -v java'], { env }).status).not.toBe(0);
    const child = spawn(path.join(bin, 'npm'), ['run', '--silent', 'mock'], { cwd: path.resolve(import.meta.dirname, '../..'), env, detached: true });
    try {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = / at (http:\/\/\S+\/graphql)/.exec(output);
          if (found) resolve(found[1]!);
        });
        child.on('exit', (code) => reject(new Error(`npm run mock exited with ${code}: ${output}`)));
      });
      const saved = loadExampleOperations()[0]!;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: saved.query }) });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expect(body.data?.['node']).toMatchObject({ __typename: 'Meeting', id: 'meeting:firearms-promotion' });
    } finally {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      rmSync(bin, { recursive: true, force: true });
    }
  }, 60_000);
});

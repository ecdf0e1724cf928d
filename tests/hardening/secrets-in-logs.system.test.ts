/**
 * No secrets in logs: the API's entry point (`npm start`'s `node … --import tsx src/main.ts`) run as a process of
 * its own with a configured NEO4J_PASSWORD at trace level, against the test run's Neo4j and against none.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../bench/support/free-port.js';
import { neo4jSettings, readsTestDatabase } from '../support/db.js';
import { childEnv } from '../support/npm-start.js';

readsTestDatabase();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const CANARY = 'canary-Pa55w0rd-7f3c9e1b';

/** Runs `npm start`'s entry point with a password set, and returns everything it printed. */
function runApi(env: Record<string, string>, whileUp?: (url: string) => Promise<void>): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: childEnv({ NODE_ENV: 'development', SEED_ON_START: 'false', ...env }),
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

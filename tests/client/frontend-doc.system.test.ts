/**
 * docs/frontend.md, section 2, run word for word in a fresh temporary project: its shell steps in
 * order (with the test server's address for localhost:4000, and a link to this repository's
 * installed packages for `npm i`: there is no network here), its files written as given, the
 * generated client run against the real server, then `tsc`, and the typo the doc promises `tsc`
 * catches; then the trusted-documents steps (the complete `presetConfig`, the manifest handed to the
 * server's `trusted-documents/` folder, a request by id) and the Relay steps (relay-compiler with
 * persisted queries, its file handed to the server, a request by `doc_id`). The server reads app
 * manifests from `$API_DIR/trusted-documents` (TRUSTED_DOCUMENTS=allow). Every `→` line of the doc is
 * checked against what its step printed. When the doc drifts from what works, this fails.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildSchema, isScalarType, isSpecifiedScalarType } from 'graphql';
import { readsTestDatabase } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

readsTestDatabase();

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOC = readFileSync(path.join(ROOT, 'docs/frontend.md'), 'utf8');
const section = DOC.slice(DOC.indexOf('## 2. '), DOC.indexOf('## 3. '));

interface Block {
  lang: string;
  body: string;
}
const blocks: Block[] = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
/** A file block names its path in its first line: `// src/main.ts`, `# src/chairs.graphql`. */
const fileOf = (b: Block) => /^(?:\/\/|#)\s*([\w./-]+\.\w+)\s*$/.exec(b.body.split('\n')[0]!)?.[1];

let server: TestServer;
let dir: string;
let cwd: string;
/** Stands for the API's folder: the server reads the apps' manifests from its trusted-documents/. */
let apiDir: string;
const env: Record<string, string | undefined> = { ...process.env, npm_config_update_notifier: 'false', npm_config_offline: 'true', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' };

/** `npm i …` becomes a link to this repository's node_modules, once each package is known to be there. */
function offline(line: string): string {
  const install = /^npm (?:i|install)\s+(.*)$/.exec(line.trim());
  if (!install) return line.replaceAll('http://localhost:4000', server.origin);
  for (const pkg of install[1]!.split(/\s+/).filter((a) => !a.startsWith('-'))) {
    expect(existsSync(path.join(ROOT, 'node_modules', pkg, 'package.json')), `${pkg} (from "${line}") is installed in this repository`).toBe(true);
  }
  return `[ -e node_modules ] || ln -s ${JSON.stringify(path.join(ROOT, 'node_modules'))} node_modules`;
}

/** Runs a shell block (asynchronously: the steps call the server, which answers from this process). */
async function runShell(body: string): Promise<string> {
  const script = ['set -e', `cd ${JSON.stringify(cwd)}`, ...body.trim().split('\n').map(offline), 'echo', 'echo "__CWD__=$(pwd)"'].join('\n');
  const { stdout: out } = await promisify(execFile)('bash', ['-c', script], { encoding: 'utf8', env, timeout: 180_000 });
  cwd = /__CWD__=(.*)\s*$/.exec(out)![1]!.trim();
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'frontend-doc-'));
  apiDir = path.join(dir, 'api');
  mkdirSync(path.join(apiDir, 'trusted-documents'), { recursive: true });
  env['API_DIR'] = apiDir;
  server = await startTestServer({ TRUSTED_DOCUMENTS: 'allow', TRUSTED_DOCUMENTS_DIR: path.join(apiDir, 'trusted-documents') });
  cwd = path.join(dir, 'work');
  mkdirSync(cwd);
});
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('docs/frontend.md, "Generate a typed client in your project"', () => {
  it('has shell steps and files to follow', () => {
    expect(blocks.filter((b) => b.lang === 'sh').length).toBeGreaterThanOrEqual(2);
    expect(blocks.map(fileOf).filter(Boolean)).toEqual(expect.arrayContaining(['tsconfig.json', 'codegen.ts', 'src/chairs.graphql', 'src/main.ts']));
  });

  it("maps exactly the schema's custom scalars", () => {
    const codegen = blocks.find((b) => fileOf(b) === 'codegen.ts')!.body;
    const mapped = Object.keys(JSON.parse(/scalars: (\{[^}]*\})/.exec(codegen)![1]!.replace(/(\w+):/g, '"$1":').replace(/'/g, '"')) as object);
    const schema = buildSchema(readFileSync(path.join(ROOT, 'generated/schema.graphql'), 'utf8'));
    const custom = Object.values(schema.getTypeMap()).filter((t) => isScalarType(t) && !isSpecifiedScalarType(t)).map((t) => t.name);
    expect(mapped.sort()).toEqual(custom.sort());
  });

  it('runs as written: the generated client prints what the doc says, and tsc passes', async () => {
    let output = '';
    for (const block of blocks) {
      const file = fileOf(block);
      if (block.lang === 'sh') output += await runShell(block.body);
      else if (file) {
        mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
        writeFileSync(path.join(cwd, file), block.body.replaceAll('http://localhost:4000', server.origin));
      }
    }
    // What the doc says each program and command prints.
    const promised = blocks.flatMap((b) => [...b.body.matchAll(/^(?:\/\/|#) → (.*)$/gm)].map((m) => m[1]!));
    expect(promised.length).toBeGreaterThanOrEqual(3);
    for (const line of promised) expect(output.split('\n'), `${line}\nprinted:\n${output}`).toContain(line);
    expect(Object.keys(JSON.parse(readFileSync(path.join(apiDir, 'trusted-documents/my-relay-app.json'), 'utf8')) as object)).toHaveLength(1);
  }, 360_000);

  it('catches the typo the doc names, with the message it quotes', async () => {
    const file = path.join(cwd, 'src/main.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chief?.name}', 'chief?.nme}'));
    let failure = '';
    try {
      await promisify(execFile)('npx', ['tsc'], { cwd, encoding: 'utf8', env });
    } catch (error) {
      failure = String((error as { stdout?: string }).stdout);
    }
    expect(failure).toMatch(/Property 'nme' does not exist/);
    expect(failure).toMatch(/Did you mean 'name'\?/);
  }, 120_000);
});

describe('a documentId request to a server with trusted documents off', () => {
  it('gets a clear PERSISTED_QUERY_NOT_SUPPORTED saying what to do, not a vague BAD_REQUEST', async () => {
    const server = await startTestServer();
    onTestFinished(() => server.stop());
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: `sha256:${'a'.repeat(64)}` }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(body.errors[0]!.message).toMatch(/TRUSTED_DOCUMENTS=off.*`query`/);
    const get = await fetch(`${server.url}?documentId=sha256:${'a'.repeat(64)}`, { headers: { accept: 'application/json' } });
    expect(((await get.json()) as typeof body).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});

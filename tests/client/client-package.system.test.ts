/**
 * The npm package for front-end teams (packages/client-schema): built, packed with `npm pack`,
 * installed from the tarball into a fresh temporary project with no network (its dependencies
 * linked from this repository), then imported at run time and type-checked by `tsc --strict`.
 * Last, it is ready to publish: `npm publish --dry-run` from a folder with no build in it builds it
 * first (its `prepack`), passes, and would publish what a front-end project needs, publicly (a scoped
 * package is private unless it says otherwise), and nothing else. (One file: the steps build in the
 * package's one folder, so they must not run side by side.)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientPackage, PACKAGE_DIR } from '../../scripts/build-client-package.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const env = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1' };
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'client-package-'));
  await buildClientPackage();
  await run('npm', ['pack', '--pack-destination', dir], { cwd: PACKAGE_DIR, env });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '@border-graph'), { recursive: true });
  mkdirSync(path.join(modules, '@graphql-typed-document-node'), { recursive: true });
  await run('tar', ['-xzf', path.join(dir, tarball), '-C', path.join(modules, '@border-graph')]);
  renameSync(path.join(modules, '@border-graph/package'), path.join(modules, '@border-graph/client-schema'));
  for (const dep of ['graphql', 'typescript', '@graphql-typed-document-node/core']) symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(modules, dep));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] }, include: ['*.ts'] }),
  );
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('@border-graph/client-schema from its tarball', () => {
  it('holds the schema, the introspection JSON, the manifest and a changelog', () => {
    const pkg = path.join(dir, 'node_modules/@border-graph/client-schema');
    expect(readFileSync(path.join(pkg, 'schema.graphql'), 'utf8')).toMatch(/type Query \{/);
    expect(JSON.parse(readFileSync(path.join(pkg, 'introspection.json'), 'utf8'))).toHaveProperty('__schema');
    expect(Object.keys(JSON.parse(readFileSync(path.join(pkg, 'persisted-documents.json'), 'utf8')) as object).length).toBeGreaterThanOrEqual(8);
    expect(readFileSync(path.join(pkg, 'CHANGELOG.md'), 'utf8')).toMatch(/^## \d+\.\d+\.\d+/m);
  });

  it("imports at run time, with possibleTypes for Node and the schema's unions", async () => {
    const { stdout } = await run('node', ['--input-type=module', '-e', "import { possibleTypes, WhoChairsTheFirearmsMeetingDocument as d } from '@border-graph/client-schema'; console.log(JSON.stringify({ node: possibleTypes.Node, kinds: Object.keys(possibleTypes), op: d.definitions[0].name.value }));"], { cwd: dir });
    const out = JSON.parse(stdout) as { node: string[]; kinds: string[]; op: string };
    expect(out.node).toEqual(expect.arrayContaining(['Agreement', 'Country', 'Meeting', 'Office', 'Plan']));
    expect(out.kinds).toEqual(expect.arrayContaining(['Node']));
    expect(out.op).toBe('WhoChairsTheFirearmsMeeting');
  });

  it('type-checks an import under tsc --strict, and catches a field the operation does not select', async () => {
    const use = `import { WhoChairsTheFirearmsMeetingDocument, possibleTypes, type WhoChairsTheFirearmsMeetingQuery } from '@border-graph/client-schema';
import type { ResultOf } from '@graphql-typed-document-node/core';
type Data = ResultOf<typeof WhoChairsTheFirearmsMeetingDocument>;
export function chief(data: Data): string | undefined {
  return data.node?.__typename === 'Meeting' ? data.node.chairs.find((c) => c.role === 'CHIEF')?.office.name : undefined;
}
export const same: WhoChairsTheFirearmsMeetingQuery | null = null;
export const nodeTypes: string[] = possibleTypes['Node'] ?? [];
`;
    writeFileSync(path.join(dir, 'use.ts'), use);
    const tsc = path.join(dir, 'node_modules/typescript/bin/tsc');
    await run('node', [tsc, '-p', '.'], { cwd: dir });
    writeFileSync(path.join(dir, 'use.ts'), use.replace('office.name', 'office.nme'));
    const failure = await run('node', [tsc, '-p', '.'], { cwd: dir }).then(() => '', (e: { stdout?: string }) => String(e.stdout));
    expect(failure).toMatch(/Property 'nme' does not exist/);
  }, 120_000);

  it('passes `npm publish --dry-run`, building itself first, with the files a front-end project needs', async () => {
    for (const built of ['dist', 'schema.graphql', 'introspection.json', 'persisted-documents.json']) rmSync(path.join(PACKAGE_DIR, built), { recursive: true, force: true });
    const { stdout, stderr } = await run('npm', ['publish', '--dry-run', '--json'], { cwd: PACKAGE_DIR, env: { ...env, npm_config_offline: undefined }, encoding: 'utf8', timeout: 180_000 });
    expect(existsSync(path.join(PACKAGE_DIR, 'dist/index.js')), 'prepack built the package').toBe(true);
    // npm prints the prepack script's output before its JSON.
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Record<string, unknown>;
    const pkg = ('files' in report ? report : Object.values(report)[0]) as { name: string; files: { path: string }[] };
    expect(pkg.name).toBe('@border-graph/client-schema');
    const files = pkg.files.map((f) => f.path).sort();
    expect(files).toEqual(
      expect.arrayContaining(['CHANGELOG.md', 'README.md', 'package.json', 'schema.graphql', 'introspection.json', 'persisted-documents.json', 'dist/index.js', 'dist/index.d.ts', 'dist/graphql.js', 'dist/possible-types.js']),
    );
    expect(files.filter((f) => !/^(dist\/[\w-]+\.(js|d\.ts)|[\w-]+\.(md|json|graphql))$/.test(f))).toEqual([]);
    expect(stderr).toMatch(/Publishing to \S+ with tag latest and public access \(dry-run\)/);
  }, 240_000);
});

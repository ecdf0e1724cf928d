/**
 * The client package (packages/client-schema) is ready to publish: `npm publish --dry-run` in its folder builds it
 * first (its `prepack`, from a folder with no build in it), passes, and would publish what a front-end project needs:
 * the compiled typed documents with their types, the schema files, the manifest, the changelog and a README,
 * publicly (a scoped package is private unless it says otherwise), and nothing else.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../../scripts/build-client-package.js';

const run = promisify(execFile);

describe('@border-graph/client-schema', () => {
  it('passes `npm publish --dry-run`, building itself first, with the files a front-end project needs', async () => {
    for (const built of ['dist', 'schema.graphql', 'introspection.json', 'persisted-documents.json']) rmSync(path.join(PACKAGE_DIR, built), { recursive: true, force: true });
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
    const { stdout, stderr } = await run('npm', ['publish', '--dry-run', '--json'], { cwd: PACKAGE_DIR, env, encoding: 'utf8', timeout: 180_000 });
    expect(existsSync(path.join(PACKAGE_DIR, 'dist/index.js')), 'prepack built the package').toBe(true);
    // npm prints the prepack script's output before its JSON.
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { name: string; version: string; files: { path: string }[] } | Record<string, { name: string; version: string; files: { path: string }[] }>;
    const pkg = ('files' in report ? report : Object.values(report)[0]!) as { name: string; version: string; files: { path: string }[] };
    expect(pkg.name).toBe('@border-graph/client-schema');
    const files = pkg.files.map((f) => f.path).sort();
    expect(files).toEqual(
      expect.arrayContaining(['CHANGELOG.md', 'README.md', 'package.json', 'schema.graphql', 'introspection.json', 'persisted-documents.json', 'dist/index.js', 'dist/index.d.ts', 'dist/graphql.js', 'dist/possible-types.js']),
    );
    expect(files.filter((f) => !/^(dist\/[\w-]+\.(js|d\.ts)|[\w-]+\.(md|json|graphql))$/.test(f))).toEqual([]);
    expect(stderr).toMatch(/Publishing to \S+ with tag latest and public access \(dry-run\)/);
  }, 240_000);
});

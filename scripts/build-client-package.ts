/**
 * Builds packages/client-schema, the npm package for front-end teams: the schema (SDL and
 * introspection JSON), the typed documents of operations/ (compiled, with .d.ts), `possibleTypes`
 * for Apollo Client's cache (every interface and union → its object types), and the
 * trusted-documents manifest. Its CHANGELOG.md gets an entry for the current version, written from
 * the schema diff against the released schema (schema/released/schema.graphql) when that version
 * has none yet.
 *
 *   npx tsx scripts/build-client-package.ts      then: cd packages/client-schema && npm pack
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diff } from '@graphql-inspector/core';
import { buildSchema, isAbstractType, type GraphQLSchema } from 'graphql';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const PACKAGE_DIR = path.join(ROOT, 'packages/client-schema');

/** Interface or union name → the names of its object types (Apollo Client's `possibleTypes`). */
export function possibleTypes(schema: GraphQLSchema): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && !type.name.startsWith('__')) result[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
  }
  return result;
}

/** A changelog entry from the schema diff between the released schema and this one. */
export async function changelogEntry(version: string, released: GraphQLSchema, current: GraphQLSchema): Promise<string> {
  const changes = await diff(released, current);
  const group = (title: string, level: string) => {
    const lines = changes.filter((c) => c.criticality.level === level).map((c) => `- ${c.message}`);
    return lines.length ? `### ${title}\n\n${lines.join('\n')}\n\n` : '';
  };
  const body = group('Breaking', 'BREAKING') + group('Dangerous', 'DANGEROUS') + group('Added and changed', 'NON_BREAKING');
  return `## ${version}\n\n${body || 'No schema changes.\n\n'}`;
}

export async function buildClientPackage(): Promise<void> {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  const sdl = readFileSync(path.join(ROOT, 'generated/schema.graphql'), 'utf8');
  const schema = buildSchema(sdl);
  copyFileSync(path.join(ROOT, 'generated/schema.graphql'), path.join(PACKAGE_DIR, 'schema.graphql'));
  copyFileSync(path.join(ROOT, 'generated/introspection.json'), path.join(PACKAGE_DIR, 'introspection.json'));
  copyFileSync(path.join(ROOT, 'src/generated/client/persisted-documents.json'), path.join(PACKAGE_DIR, 'persisted-documents.json'));

  const src = path.join(PACKAGE_DIR, 'src');
  rmSync(src, { recursive: true, force: true });
  rmSync(path.join(PACKAGE_DIR, 'dist'), { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  for (const file of ['graphql.ts', 'gql.ts']) copyFileSync(path.join(ROOT, 'src/generated/client', file), path.join(src, file));
  writeFileSync(path.join(src, 'possible-types.ts'), `/** Apollo Client's \`possibleTypes\`: every interface and union → its object types. */\nexport const possibleTypes: Record<string, string[]> = ${JSON.stringify(possibleTypes(schema), null, 2)};\n`);
  writeFileSync(path.join(src, 'index.ts'), `export * from './graphql.js';\nexport { graphql } from './gql.js';\nexport { possibleTypes } from './possible-types.js';\n`);
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['--ignoreConfig', '--outDir', 'dist', '--rootDir', 'src', '--declaration', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--skipLibCheck', '--strict', '--types', 'node', ...['index.ts', 'graphql.ts', 'gql.ts', 'possible-types.ts'].map((f) => path.join('src', f))], {
    cwd: PACKAGE_DIR,
    stdio: 'inherit',
  });

  const changelog = path.join(PACKAGE_DIR, 'CHANGELOG.md');
  const existing = existsSync(changelog) ? readFileSync(changelog, 'utf8') : '# Changelog of @border-graph/client-schema\n\nWritten from the schema diff against the released schema at each version.\n\n';
  if (!existing.includes(`## ${pkg.version}\n`)) {
    const released = buildSchema(readFileSync(path.join(ROOT, 'schema/released/schema.graphql'), 'utf8'));
    const [head, ...rest] = existing.split(/(?=^## )/m);
    writeFileSync(changelog, [head, await changelogEntry(pkg.version, released, schema), ...rest].join(''));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildClientPackage();
  process.stdout.write(`built ${path.relative(ROOT, PACKAGE_DIR)}\n`);
}

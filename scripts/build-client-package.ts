/**
 * Builds packages/client-schema, the npm package for front-end teams: the schema (SDL and
 * introspection JSON), the typed documents of operations/ (compiled, with .d.ts), `possibleTypes`
 * for Apollo Client's cache (every interface and union → its object types), and the
 * trusted-documents manifest. Its CHANGELOG.md gets an entry for the current version when that version has none
 * yet: the first one says what the first release holds; every later one is written from the schema diff against
 * the schema of the last release (schema/released/schema.graphql, which `schema-check.ts --update` sets at each
 * release). `npm pack` and `npm publish` in the package's folder run this build first (its `prepack`).
 *
 *   npx tsx scripts/build-client-package.ts      then: cd packages/client-schema && npm pack (or npm publish)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diff } from '@graphql-inspector/core';
import { buildSchema, isAbstractType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType, type GraphQLSchema } from 'graphql';

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

/** What the first release holds: its types by kind and its root fields. */
export function firstReleaseEntry(version: string, schema: GraphQLSchema): string {
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !(isScalarType(t) && isSpecifiedScalarType(t)));
  const count = (test: (t: unknown) => boolean, one: string, many: string) => {
    const n = types.filter(test).length;
    return n ? [`${n} ${n === 1 ? one : many}`] : [];
  };
  const kinds = [
    ...count(isObjectType, 'object type', 'object types'),
    ...count(isInterfaceType, 'interface', 'interfaces'),
    ...count(isUnionType, 'union', 'unions'),
    ...count(isEnumType, 'enum', 'enums'),
    ...count(isInputObjectType, 'input type', 'input types'),
    ...count(isScalarType, 'custom scalar', 'custom scalars'),
  ];
  const roots = Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();
  return `## ${version}\n\nFirst release: the schema (${kinds.join(', ')}), the typed documents of the saved operations, \`possibleTypes\` and the trusted-documents manifest.\n\nQueries: ${roots.map((r) => `\`${r}\``).join(', ')}.\n\n`;
}

/** `possibleTypes` as a TypeScript module (the generated client's and the package's `possible-types.ts`). */
export function possibleTypesModule(schema: GraphQLSchema): string {
  return `/** Apollo Client's \`possibleTypes\`: every interface and union → its object types. */\nexport const possibleTypes: Record<string, string[]> = ${JSON.stringify(possibleTypes(schema), null, 2)};\n`;
}

/** A changelog entry from the schema diff between the last release and this one. */
export async function changelogEntry(version: string, released: GraphQLSchema, current: GraphQLSchema): Promise<string> {
  const changes = await diff(released, current);
  const group = (title: string, level: string) => {
    const lines = changes.filter((c) => c.criticality.level === level).map((c) => `- ${c.message}`);
    return lines.length ? `### ${title}\n\n${lines.join('\n')}\n\n` : '';
  };
  const body = group('Breaking', 'BREAKING') + group('Dangerous', 'DANGEROUS') + group('Added and changed', 'NON_BREAKING');
  return `## ${version}\n\n${body || 'No schema changes.\n\n'}`;
}

const CHANGELOG_HEAD =
  '# Changelog of @border-graph/client-schema\n\nThe first entry says what the first release holds; every later one is written from the schema diff against the release before it.\n\n';

/**
 * The changelog with an entry for `version` (newest first), unless it has one: the first release's summary when
 * the changelog has no entry yet, else the diff from `released` (the schema of the last release) to `current`.
 */
export async function withEntry(existing: string | null, version: string, released: GraphQLSchema, current: GraphQLSchema): Promise<string> {
  const text = existing ?? CHANGELOG_HEAD;
  if (text.includes(`## ${version}\n`)) return text;
  const [head, ...entries] = text.split(/(?=^## )/m);
  const entry = entries.length === 0 ? firstReleaseEntry(version, current) : await changelogEntry(version, released, current);
  return [head, entry, ...entries].join('');
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
  writeFileSync(path.join(src, 'possible-types.ts'), possibleTypesModule(schema));
  writeFileSync(path.join(src, 'index.ts'), `export * from './graphql.js';\nexport { graphql } from './gql.js';\nexport { possibleTypes } from './possible-types.js';\n`);
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['--ignoreConfig', '--outDir', 'dist', '--rootDir', 'src', '--declaration', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--skipLibCheck', '--strict', '--types', 'node', ...['index.ts', 'graphql.ts', 'gql.ts', 'possible-types.ts'].map((f) => path.join('src', f))], {
    cwd: PACKAGE_DIR,
    stdio: 'inherit',
  });

  const changelog = path.join(PACKAGE_DIR, 'CHANGELOG.md');
  const existing = existsSync(changelog) ? readFileSync(changelog, 'utf8') : null;
  const released = buildSchema(readFileSync(path.join(ROOT, 'schema/released/schema.graphql'), 'utf8'));
  const updated = await withEntry(existing, pkg.version, released, schema);
  if (updated !== existing) writeFileSync(changelog, updated);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildClientPackage();
  process.stdout.write(`built ${path.relative(ROOT, PACKAGE_DIR)}\n`);
}

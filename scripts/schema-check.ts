/**
 * Schema change safety: compares the schema of schema/*.graphql with the released one
 * (schema/released/schema.graphql) and fails on a breaking change, unless what it removes or changes
 * was deprecated in the released schema first (a field, argument, input field or enum value; a type
 * whose every use was deprecated).
 *
 *   npx tsx scripts/schema-check.ts            check (exit 1 on an unannounced breaking change)
 *   npx tsx scripts/schema-check.ts --update   release: write the current schema as the released one
 *   --released <file> --schema <dir>            compare other files (default: the two above)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../src/graphql/schema.js';

export const RELEASED_SCHEMA = fileURLToPath(new URL('../schema/released/schema.graphql', import.meta.url));

export function schemaFromSdl(sdl: string | string[]): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: sdl, resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' } });
}

/** The schema the server serves: every file of schema/, merged. */
export function currentSchema(dir?: string): GraphQLSchema {
  return schemaFromSdl(loadTypeDefs(dir));
}

export interface SchemaCheckResult {
  /** Breaking changes to something that was not deprecated first: these fail the check. */
  breaking: Change[];
  /** Breaking changes to something deprecated in the released schema: allowed. */
  deprecatedRemovals: Change[];
  dangerous: Change[];
  safe: Change[];
}

const isDeprecated = (x: { deprecationReason?: string | null } | undefined | null): boolean => x?.deprecationReason != null;

/** True when the released schema deprecated what the change's path points at (or its field). */
function wasDeprecated(change: Change, released: GraphQLSchema, current: GraphQLSchema): boolean {
  if (!change.path) return false;
  const [typeName, member, argument] = change.path.split('.');
  const type = released.getType(typeName ?? '');
  if (!type) return false;
  if (member === undefined) return change.type === 'TYPE_REMOVED' && onlyUsedByDeprecated(typeName!, released, current);
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return false;
    if (isDeprecated(field)) return true;
    return argument !== undefined && isDeprecated(field.args.find((a) => a.name === argument));
  }
  if (isInputObjectType(type)) return isDeprecated(type.getFields()[member]);
  if (isEnumType(type)) return isDeprecated(type.getValue(member));
  return false;
}

/** A removed type is announced when every field, argument and input field using it was deprecated (or went too). */
function onlyUsedByDeprecated(typeName: string, released: GraphQLSchema, current: GraphQLSchema): boolean {
  for (const type of Object.values(released.getTypeMap())) {
    if (type.name.startsWith('__') || !current.getType(type.name)) continue; // a type removed as well is judged on its own
    if (isUnionType(type) && type.getTypes().some((t) => t.name === typeName)) return false;
    if ((isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((i) => i.name === typeName)) return false;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === typeName && !isDeprecated(field)) return false;
        if (!isDeprecated(field) && field.args.some((a) => getNamedType(a.type).name === typeName && !isDeprecated(a))) return false;
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (getNamedType(field.type).name === typeName && !isDeprecated(field)) return false;
    }
  }
  return true;
}

export async function checkSchemaChange(released: GraphQLSchema, current: GraphQLSchema): Promise<SchemaCheckResult> {
  const changes = await diff(released, current);
  const result: SchemaCheckResult = { breaking: [], deprecatedRemovals: [], dangerous: [], safe: [] };
  for (const change of changes) {
    if (change.criticality.level === CriticalityLevel.Breaking) {
      (wasDeprecated(change, released, current) ? result.deprecatedRemovals : result.breaking).push(change);
    } else if (change.criticality.level === CriticalityLevel.Dangerous) result.dangerous.push(change);
    else result.safe.push(change);
  }
  return result;
}

async function main(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const releasedFile = option('--released') ?? RELEASED_SCHEMA;
  const current = currentSchema(option('--schema'));
  if (argv.includes('--update')) {
    writeFileSync(releasedFile, `${printSchema(current)}\n`);
    console.log(`schema-check: wrote the current schema to ${releasedFile}`);
    return 0;
  }
  const released = schemaFromSdl(readFileSync(releasedFile, 'utf8'));
  const { breaking, deprecatedRemovals, dangerous, safe } = await checkSchemaChange(released, current);
  const list = (title: string, changes: Change[]) => {
    if (changes.length === 0) return;
    console.log(`${title} (${changes.length}):`);
    for (const c of changes) console.log(`  - ${c.message}${c.path ? `  [${c.path}]` : ''}`);
  };
  list('Breaking changes to fields that were not deprecated first', breaking);
  list('Removals of deprecated fields (allowed)', deprecatedRemovals);
  list('Dangerous changes', dangerous);
  if (breaking.length > 0) {
    console.log(
      '\nschema-check: FAILED. Deprecate first (`@deprecated(reason: "…")`), release that, and remove in a later release;' +
        ' or, for a deliberate new major version, run `npx tsx scripts/schema-check.ts --update`.',
    );
    return 1;
  }
  console.log(`schema-check: OK (${safe.length} safe, ${dangerous.length} dangerous, ${deprecatedRemovals.length} deprecated removals).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}

/** The executable schema: the SDL files of schema/ (one per domain) and the resolvers. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { OperationCompiler } from '../compiler/compiler.js';
import { resolvers } from '../resolvers/index.js';
import { assertNavigationDeclared } from './navigation-check.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema', import.meta.url));

export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

/**
 * With a compiler, root fields it knows run as one compiled statement each (EXECUTION=compiled). Fails (at
 * startup) when a field that reads entities has no navigation declaration (./navigation-check.ts).
 */
export function buildSchema(options: { compiler?: OperationCompiler | undefined } = {}): GraphQLSchema {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never, inheritResolversFromInterfaces: true });
  assertNavigationDeclared(schema);
  return options.compiler ? options.compiler.install(schema) : schema;
}

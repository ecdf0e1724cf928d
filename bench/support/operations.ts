/**
 * The saved operations (operations/*.graphql) as the bench reads them: read once by the IDE's reader
 * (src/http/ide.ts, the one reader of the folder), parsed, with every declared variable's default.
 */
import { Kind, parse, valueFromASTUntyped, type OperationDefinitionNode } from 'graphql';
import { loadExampleOperations, OPERATIONS_DIR } from '../../src/http/ide.js';

export { OPERATIONS_DIR };

export interface SavedOperation {
  /** The file name without `.graphql` (`meeting-page`). */
  file: string;
  /** The operation's name (`MeetingPage`), or the file name when it has none. */
  name: string;
  /** The whole document (fragments included). */
  query: string;
  operation: OperationDefinitionNode;
  /** Every declared variable at its default (null when it has none). */
  defaults: Record<string, unknown>;
  /** A non-null variable without a default: the operation cannot run with its defaults alone. */
  needsInput: boolean;
}

/** Every operation of every saved file, by file name. */
export function readSavedOperations(dir = OPERATIONS_DIR): SavedOperation[] {
  const out: SavedOperation[] = [];
  for (const { name: file, query } of [...loadExampleOperations(dir)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const operation of parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      const defaults: Record<string, unknown> = {};
      let needsInput = false;
      for (const v of operation.variableDefinitions ?? []) {
        if (v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue) needsInput = true;
        defaults[v.variable.name.value] = v.defaultValue ? valueFromASTUntyped(v.defaultValue) : null;
      }
      out.push({ file, name: operation.name?.value ?? file, query, operation, defaults, needsInput });
    }
  }
  return out;
}

/**
 * The operations the overhead benchmark times: each saved operation (operations/*.graphql, with its
 * defaults), its floor statement (bench/floor/<file>.cypher) and the same question in the peer's schema
 * (bench/peer/operations/<file>.graphql), with the variables each side receives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { searchParameters } from '../../src/repositories/search-repository.js';
import { decodeCursor } from '../../src/services/pagination.js';
import { OPERATIONS_DIR, readSavedOperations } from '../support/operations.js';

export { OPERATIONS_DIR };
export const FLOOR_DIR = fileURLToPath(new URL('../floor', import.meta.url));
export const PEER_DIR = fileURLToPath(new URL('../peer/operations', import.meta.url));

export interface PeerOperation {
  name: string;
  query: string;
  /** The peer's declared variables: the floor's parameters are passed where the names agree. */
  variableNames: string[];
}

export interface BenchOperation {
  /** The operation's name (`MeetingPage`). */
  name: string;
  /** The operation file's name without `.graphql` (`meeting-page`): the floor is `bench/floor/<file>.cypher`. */
  file: string;
  /** The whole document (fragments included). */
  query: string;
  /** The variables the API uses: every declared variable at its default, or null. */
  variables: Record<string, unknown>;
  /** The POST body the API receives (no variables: the server applies the defaults). */
  body: string;
  floorCypher: string;
  /** The floor's parameters: the same variables, plus what Cypher cannot compute itself. */
  floorParams: Record<string, unknown>;
  /** The same question in the peer's schema, or null when there is none. */
  peer: PeerOperation | null;
}

/**
 * What a hand-rolled client computes before its one call, where Cypher cannot: the Lucene query, exact key
 * and words the API folds from the search text (the same function), and a pagination cursor decoded to its keyset.
 */
const FLOOR_PARAMETER_ADAPTERS: Record<string, (variables: Record<string, unknown>) => Record<string, unknown>> = {
  search: (v) => ({ query: null, key: null, phrase: null, words: null, ...(typeof v['text'] === 'string' ? searchParameters(v['text']) : null) }),
  'agreements-table': (v) => ({ after: typeof v['after'] === 'string' ? decodeCursor(v['after'], 'after') : (v['after'] ?? null) }),
};

export function floorParameters(file: string, variables: Record<string, unknown>): Record<string, unknown> {
  return { ...variables, ...(FLOOR_PARAMETER_ADAPTERS[file]?.(variables) ?? {}) };
}

function readPeer(file: string, peerDir: string): PeerOperation | null {
  let query: string;
  try {
    query = readFileSync(path.join(peerDir, `${file}.graphql`), 'utf8');
  } catch {
    return null;
  }
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error(`bench/peer/operations/${file}.graphql: no operation`);
  return { name: op.name?.value ?? file, query, variableNames: (op.variableDefinitions ?? []).map((v) => v.variable.name.value) };
}

/** Every saved operation (one query per file) with its defaults, its floor statement and its peer question. */
export function loadBenchOperations(operationsDir = OPERATIONS_DIR, floorDir = FLOOR_DIR, peerDir = PEER_DIR): BenchOperation[] {
  const operations: BenchOperation[] = [];
  const saved = readSavedOperations(operationsDir);
  for (const op of saved) {
    const fileName = `${op.file}.graphql`;
    if (saved.filter((o) => o.file === op.file).length !== 1 || op.operation.operation !== 'query') {
      throw new Error(`${fileName}: expected exactly one query operation`);
    }
    if (op.needsInput) throw new Error(`${fileName}: a required variable has no default`);
    const floorFile = path.join(floorDir, `${op.file}.cypher`);
    let floorCypher: string;
    try {
      floorCypher = readFileSync(floorFile, 'utf8');
    } catch {
      throw new Error(`${fileName}: no floor statement at ${path.relative(process.cwd(), floorFile)}`);
    }
    operations.push({
      name: op.name,
      file: op.file,
      query: op.query,
      variables: op.defaults,
      body: JSON.stringify({ query: op.query, operationName: op.name }),
      floorCypher,
      floorParams: floorParameters(op.file, op.defaults),
      peer: readPeer(op.file, peerDir),
    });
  }
  return operations;
}

/** The same operation with some variables other than the defaults (sent to every side alike). */
export function withVariables(op: BenchOperation, overrides: Record<string, unknown>): BenchOperation {
  const variables = { ...op.variables, ...overrides };
  return {
    ...op,
    variables,
    body: JSON.stringify({ query: op.query, operationName: op.name, variables }),
    floorParams: floorParameters(op.file, variables),
  };
}

/** The POST body the floor server receives: the operation's file and the API's variables. */
export function floorBody(op: BenchOperation): string {
  return JSON.stringify({ operation: op.file, variables: op.variables });
}

/** The POST body the peer receives: its own query, with the floor's parameters under the names it declares. */
export function peerBody(op: BenchOperation): string | null {
  if (!op.peer) return null;
  const variables = Object.fromEntries(op.peer.variableNames.filter((n) => n in op.floorParams).map((n) => [n, op.floorParams[n]]));
  return JSON.stringify({ query: op.peer.query, operationName: op.peer.name, variables });
}

/**
 * Trusted documents (persisted documents): codegen writes a manifest of the operations of
 * `operations/` (`src/generated/client/persisted-documents.json`, `"sha256:<hex>" → document`).
 *
 * A client names a document by its id, the GraphQL-over-HTTP persisted-documents convention the
 * client preset emits (`documentId: "sha256:<hex>"`, the `__meta__.hash` of each generated
 * document), or Apollo's `extensions.persistedQuery.sha256Hash` (the same hex, unprefixed).
 *
 * Modes (`TRUSTED_DOCUMENTS`):
 * - `off`: the manifest is not used; clients send operation text.
 * - `allow`: ids from the manifest are accepted as well as any operation text.
 * - `require`: only documents of the manifest run, named by id or sent as text that is the same
 *   document (formatting, comments and the order of fields, arguments and variables do not matter),
 *   plus pure introspection queries while introspection is enabled (so the IDE's docs load).
 *   Anything else is answered with HTTP 400 and `PERSISTED_QUERY_REQUIRED`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, parse, print, visit, type ASTNode, type DocumentNode, type SelectionNode } from 'graphql';
import { sendGraphQLError } from '../graphql/limits.js';
import type { Logger } from '../logger.js';

export type TrustedDocumentsMode = 'off' | 'allow' | 'require';

export const TRUSTED_DOCUMENT_CODES = {
  required: 'PERSISTED_QUERY_REQUIRED',
  notFound: 'PERSISTED_QUERY_NOT_FOUND',
} as const;

export interface TrustedDocumentsOptions {
  mode: TrustedDocumentsMode;
  /** id ("sha256:<hex>") → document, as codegen writes it. */
  manifest: ReadonlyMap<string, string>;
  /** Let pure introspection queries through in `require` mode (the IDE's docs explorer). */
  allowIntrospection: boolean;
  logger?: Logger;
}

/** Reads the manifest codegen writes; a missing or malformed file is an error at start-up. */
export function loadManifest(file: string): Map<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`trusted documents: cannot read the manifest ${file} (run \`npm run codegen\`): ${(error as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`trusted documents: ${file} is not an object of id → document`);
  const manifest = new Map<string, string>();
  for (const [id, doc] of Object.entries(raw)) {
    if (typeof doc !== 'string') throw new Error(`trusted documents: ${file}: the document of ${id} is not a string`);
    manifest.set(normaliseId(id), doc);
  }
  return manifest;
}

/** `sha256:<hex>` in lower case; a bare 64-hex id (Apollo's sha256Hash) gets the prefix. */
export function normaliseId(id: string): string {
  const trimmed = id.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(trimmed) ? `sha256:${trimmed}` : trimmed;
}

/**
 * One printed form per document regardless of formatting, comments and the order of definitions,
 * selections, arguments, variables and directives: the manifest's documents are sorted by codegen,
 * the operation files (and the IDE's tabs) are not, and both must be recognised as the same.
 */
export function canonicalDocument(document: DocumentNode): string {
  const byPrint = <T extends ASTNode>(nodes: readonly T[] | undefined): T[] | undefined =>
    nodes && [...nodes].map((n) => ({ n, key: print(n) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => x.n);
  const sorted = visit(document, {
    leave(node) {
      switch (node.kind) {
        case Kind.DOCUMENT:
          return { ...node, definitions: byPrint(node.definitions) };
        case Kind.SELECTION_SET:
          return { ...node, selections: byPrint(node.selections) };
        case Kind.FIELD:
          return { ...node, arguments: byPrint(node.arguments), directives: byPrint(node.directives) };
        case Kind.DIRECTIVE:
          return { ...node, arguments: byPrint(node.arguments) };
        case Kind.OPERATION_DEFINITION:
          return { ...node, variableDefinitions: byPrint(node.variableDefinitions), directives: byPrint(node.directives) };
        case Kind.FRAGMENT_DEFINITION:
        case Kind.INLINE_FRAGMENT:
        case Kind.FRAGMENT_SPREAD:
          return { ...node, directives: byPrint(node.directives) };
        default:
          return undefined;
      }
    },
  });
  return print(sorted).replace(/\s+/g, ' ').trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** True when every operation only asks for `__schema`, `__type` or `__typename` (the IDE's schema fetch). */
export function isIntrospectionOnly(document: DocumentNode): boolean {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const seen = new Set<string>();
  const check = (selections: readonly SelectionNode[]): boolean =>
    selections.every((s) => {
      if (s.kind === Kind.FIELD) return s.name.value.startsWith('__');
      if (s.kind === Kind.INLINE_FRAGMENT) return check(s.selectionSet.selections);
      const fragment = fragments.get(s.name.value);
      if (!fragment) return false;
      if (seen.has(s.name.value)) return true;
      seen.add(s.name.value);
      return check(fragment.selectionSet.selections);
    });
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length > 0 && operations.every((op) => op.operation === 'query' && check(op.selectionSet.selections));
}

class TrustedDocumentError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface OperationParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
  [key: string]: unknown;
}

/**
 * Express middleware for /graphql, before Apollo: turns a document id into the manifest's text (so
 * Apollo executes exactly that), and in `require` mode refuses every other document.
 */
export function trustedDocumentsMiddleware(options: TrustedDocumentsOptions): RequestHandler {
  const { mode, manifest, allowIntrospection, logger } = options;
  const canonicalHashes = new Set<string>();
  for (const [id, doc] of manifest) {
    try {
      canonicalHashes.add(sha256(canonicalDocument(parse(doc))));
    } catch (error) {
      throw new Error(`trusted documents: the manifest's document ${id} does not parse: ${(error as Error).message}`);
    }
  }

  function resolve(params: OperationParams): OperationParams {
    const extensions = (params.extensions && typeof params.extensions === 'object' ? params.extensions : undefined) as
      | { persistedQuery?: { sha256Hash?: unknown } }
      | undefined;
    const apqHash = extensions?.persistedQuery?.sha256Hash;
    const id = typeof params.documentId === 'string' ? params.documentId : typeof apqHash === 'string' ? apqHash : undefined;

    if (id !== undefined) {
      const document = manifest.get(normaliseId(id));
      if (document !== undefined) {
        const { documentId: _documentId, ...rest } = params;
        const { persistedQuery: _persistedQuery, ...otherExtensions } = extensions ?? {};
        return { ...rest, query: document, ...(extensions ? { extensions: otherExtensions } : {}) };
      }
      // Apollo's APQ protocol (allow mode only): let Apollo answer or register the hash itself.
      if (mode === 'allow' && params.documentId === undefined) return params;
      throw new TrustedDocumentError(
        `Unknown document id "${id.slice(0, 80)}": it is not in this server's trusted-documents manifest. Regenerate the client (npm run codegen) against this server's operations.`,
        TRUSTED_DOCUMENT_CODES.notFound,
      );
    }

    if (mode === 'require') {
      if (typeof params.query === 'string') {
        let document: DocumentNode | undefined;
        try {
          document = parse(params.query, { noLocation: true, maxTokens: 10_000 });
        } catch {
          document = undefined;
        }
        if (document && (canonicalHashes.has(sha256(canonicalDocument(document))) || (allowIntrospection && isIntrospectionOnly(document)))) {
          return params;
        }
      }
      throw new TrustedDocumentError(
        'This server only runs trusted documents: send `documentId` ("sha256:<hex>" from the generated client or persisted-documents.json) instead of operation text that is not in the manifest.',
        TRUSTED_DOCUMENT_CODES.required,
      );
    }
    return params;
  }

  function reject(res: Response, error: TrustedDocumentError): void {
    logger?.debug({ code: error.code }, 'trusted documents: request refused');
    sendGraphQLError(res, 400, error.message, { code: error.code });
  }

  return (req: Request, res: Response, next: NextFunction) => {
    try {
      if (req.method === 'GET') {
        const url = new URL(req.url, 'http://localhost');
        const params: OperationParams = {};
        for (const key of ['query', 'documentId', 'extensions'] as const) {
          const value = url.searchParams.get(key);
          if (value === null) continue;
          if (key === 'extensions') {
            try {
              params.extensions = JSON.parse(value);
            } catch {
              return next(); // Apollo answers malformed extensions itself.
            }
          } else params[key] = value;
        }
        if (params.query === undefined && params.documentId === undefined && params.extensions === undefined) return next();
        const resolved = resolve(params);
        if (resolved !== params) {
          url.searchParams.delete('documentId');
          url.searchParams.set('query', resolved.query as string);
          if (resolved.extensions === undefined || Object.keys(resolved.extensions as object).length === 0) url.searchParams.delete('extensions');
          else url.searchParams.set('extensions', JSON.stringify(resolved.extensions));
          req.url = `${url.pathname}${url.search}`;
        }
        return next();
      }
      const body: unknown = req.body;
      if (Array.isArray(body)) {
        req.body = body.map((p) => (p && typeof p === 'object' ? resolve(p as OperationParams) : p));
      } else if (body && typeof body === 'object') {
        req.body = resolve(body as OperationParams);
      }
      return next();
    } catch (error) {
      if (error instanceof TrustedDocumentError) return reject(res, error);
      return next(error);
    }
  };
}

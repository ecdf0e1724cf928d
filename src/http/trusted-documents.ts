/**
 * Trusted documents (persisted documents): codegen writes a manifest of the operations of
 * `operations/` (`src/generated/client/persisted-documents.json`, `"sha256:<hex>" → document`).
 *
 * Client apps may add manifests of their own (src/http/trusted-manifests.ts: a folder with one
 * `<app>.json` per app, re-read without a restart).
 *
 * A client names a document by its id: the GraphQL-over-HTTP persisted-documents convention the
 * client preset emits (`documentId: "sha256:<hex>"`, the `__meta__.hash` of each generated
 * document), Relay's `doc_id` (or `id`), or Apollo's `extensions.persistedQuery.sha256Hash` (the
 * same hex, unprefixed, or the sha256 of Apollo's own printed text). Apollo's persisted-queries
 * link sends the hash alone first and, told PERSISTED_QUERY_NOT_FOUND, the hash with the text: the
 * text is checked like any other (and, when trusted, its hash is remembered for next time).
 *
 * Modes (`TRUSTED_DOCUMENTS`):
 * - `off`: the manifest is not used; clients send operation text.
 * - `allow`: ids from the manifest are accepted as well as any operation text.
 * - `require`: only documents of the manifest run, named by id or sent as text that is the same
 *   document (formatting, comments and the order of fields, arguments and variables do not matter),
 *   plus pure introspection queries while introspection is enabled (so the IDE's docs load).
 *   `__typename` fields a client adds (Apollo Client's cache does) do not make another document.
 *   Anything else is answered with HTTP 400 and `PERSISTED_QUERY_REQUIRED`.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, parse, print, visit, type ASTNode, type DocumentNode, type SelectionNode } from 'graphql';
import { statusOf } from '../errors.js';
import { guardFailure } from '../graphql/guards.js';
import { sendGraphQLError } from '../graphql/limits.js';
import type { Logger } from '../logger.js';
import { loadExampleOperations } from './ide.js';
import { normaliseId, readManifestFile, sha256, TrustedManifests } from './trusted-manifests.js';

export type TrustedDocumentsMode = 'off' | 'allow' | 'require';

export const TRUSTED_DOCUMENT_CODES = {
  required: 'PERSISTED_QUERY_REQUIRED',
  notFound: 'PERSISTED_QUERY_NOT_FOUND',
  notSupported: 'PERSISTED_QUERY_NOT_SUPPORTED',
} as const;

export interface TrustedDocumentsOptions {
  mode: TrustedDocumentsMode;
  /** The repository's manifest (codegen's persisted-documents.json). */
  manifest: string;
  /** The folder of client apps' manifests (`<app>.json`), re-read while running. */
  manifestsDir?: string;
  /** Let pure introspection queries through in `require` mode (the IDE's docs explorer). */
  allowIntrospection: boolean;
  logger?: Logger;
}

/** Reads the manifest codegen writes; a missing or malformed file is an error at start-up. */
export function loadManifest(file: string): Map<string, string> {
  return readManifestFile(file);
}

export { normaliseId };

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
          return { ...node, selections: byPrint(node.selections.filter((sel) => !isPlainTypename(sel))) };
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

/** A bare `__typename` (no alias, directive or argument): clients add these freely. */
function isPlainTypename(node: SelectionNode): boolean {
  return node.kind === Kind.FIELD && node.name.value === '__typename' && !node.alias && !node.directives?.length;
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
  doc_id?: unknown;
  id?: unknown;
  [key: string]: unknown;
}

/**
 * Express middleware for /graphql, before Apollo: turns a document id into the manifest's text (so
 * Apollo executes exactly that), and in `require` mode refuses every other document.
 */
export function trustedDocumentsMiddleware(options: TrustedDocumentsOptions): RequestHandler {
  const { mode, allowIntrospection, logger } = options;
  let canonicalHashes = new Set<string>();
  const manifests = new TrustedManifests({
    manifest: options.manifest,
    dir: options.manifestsDir,
    logger,
    onChange: (documents) => {
      canonicalHashes = new Set(documents.map((d) => sha256(canonicalDocument(parse(d.text)))));
    },
  });
  /** APQ hashes of trusted texts that clients registered (Apollo's link: hash, then hash + text). */
  const registered = new Map<string, string>();
  // The hash Apollo's link sends for an operation file's document as is: the sha256 of its print.
  for (const example of loadExampleOperations()) {
    const document = parse(example.query, { noLocation: true });
    if (canonicalHashes.has(sha256(canonicalDocument(document)))) registered.set(sha256(print(document)), example.query);
  }

  const isTrustedText = (query: unknown): boolean => {
    if (typeof query !== 'string') return false;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true, maxTokens: 10_000 });
    } catch {
      return false;
    }
    manifests.refresh();
    return canonicalHashes.has(sha256(canonicalDocument(document))) || (allowIntrospection && isIntrospectionOnly(document));
  };

  function resolve(params: OperationParams): OperationParams {
    const extensions = (params.extensions && typeof params.extensions === 'object' ? params.extensions : undefined) as
      | { persistedQuery?: { sha256Hash?: unknown } }
      | undefined;
    const apqHash = typeof extensions?.persistedQuery?.sha256Hash === 'string' ? extensions.persistedQuery.sha256Hash.toLowerCase() : undefined;
    const hasText = typeof params.query === 'string' && params.query !== '';

    if (apqHash !== undefined && hasText) {
      // Apollo's retry: the text with its hash. They must agree, and the text is checked below.
      if (sha256(params.query as string) !== apqHash) {
        throw new TrustedDocumentError('`extensions.persistedQuery.sha256Hash` is not the sha256 of `query`: send the hash of the exact text.', TRUSTED_DOCUMENT_CODES.notFound);
      }
      if (mode === 'allow' || isTrustedText(params.query)) {
        if (mode === 'require' && registered.size < 10_000) registered.set(apqHash, params.query as string);
        return params;
      }
    }

    const relayId = typeof params.doc_id === 'string' ? params.doc_id : !hasText && typeof params.id === 'string' ? params.id : undefined;
    const id = typeof params.documentId === 'string' ? params.documentId : (relayId ?? (hasText ? undefined : apqHash));
    if (id !== undefined) {
      const document = manifests.get(id)?.text ?? registered.get(id.toLowerCase());
      if (document !== undefined) {
        const { documentId: _documentId, doc_id: _docId, id: _id, ...rest } = params;
        const { persistedQuery: _persistedQuery, ...otherExtensions } = extensions ?? {};
        return { ...rest, query: document, ...(extensions ? { extensions: otherExtensions } : {}) };
      }
      // Apollo's APQ protocol (allow mode only): let Apollo answer or register the hash itself.
      if (mode === 'allow' && id === apqHash) return params;
      throw new TrustedDocumentError(
        `Unknown document id "${id.slice(0, 80)}": it is not in this server's trusted-documents manifests. Regenerate the client (npm run codegen) against this server's operations, or add your app's manifest.`,
        TRUSTED_DOCUMENT_CODES.notFound,
      );
    }

    if (mode === 'require' && !isTrustedText(params.query)) {
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
        for (const key of ['query', 'documentId', 'doc_id', 'extensions'] as const) {
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
        if (params.query === undefined && params.documentId === undefined && params.doc_id === undefined && params.extensions === undefined) return next();
        const resolved = resolve(params);
        if (resolved !== params) {
          url.searchParams.delete('documentId');
          url.searchParams.delete('doc_id');
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
      // Fails closed: a request the rules could not be applied to is refused, never run unchecked.
      logger?.error({ err: error }, 'trusted documents: the check failed; the request was refused');
      const failure = guardFailure('trustedDocuments', 'TRUSTED_DOCUMENTS', error);
      return sendGraphQLError(res, statusOf(failure.extensions['code']), failure.message, failure.extensions);
    }
  };
}

/**
 * With trusted documents off, a request naming a document by id (`documentId`, or Apollo's
 * persisted-query hash with no text) cannot run: say so plainly instead of Apollo's generic
 * "must contain a non-empty `query`".
 */
export function trustedDocumentsOffMiddleware(): RequestHandler {
  const message =
    'This server does not run documents by id: trusted documents are off here (TRUSTED_DOCUMENTS=off). Send the operation text in `query`, or ask for a server started with TRUSTED_DOCUMENTS=allow or require.';
  const namesDocument = (p: unknown) => {
    if (!p || typeof p !== 'object') return false;
    const { query, documentId } = p as OperationParams;
    return typeof documentId === 'string' && (query === undefined || query === null || query === '');
  };
  return (req, res, next) => {
    const params = req.method === 'GET' ? { query: req.query['query'], documentId: req.query['documentId'] } : req.body;
    if (Array.isArray(params) ? params.some(namesDocument) : namesDocument(params)) {
      return sendGraphQLError(res, 400, message, { code: TRUSTED_DOCUMENT_CODES.notSupported });
    }
    return next();
  };
}

/**
 * HTTP caching of reads (`HTTP_CACHE=on`): a GET of a query on /graphql (operation text, or a trusted
 * document's id, which the trusted-documents middleware has already turned into its text) answers with
 * an `ETag` derived from the loaded datasets' versions, the document, the operation name and the
 * variables, and a `Cache-Control` a CDN can use. A repeat with `If-None-Match` is answered 304 before
 * anything runs. A new seed load writes a new dataset version, so every ETag changes with it.
 *
 * Never cached: POST, mutations (Apollo refuses them over GET, and a 304 is only given to a query),
 * requests with an `Authorization` header (analyst answers depend on it), and errors: a response with
 * `errors` or a status other than 200 carries `Cache-Control: no-store` and no ETag.
 *
 * The dataset versions are read with `cypher/dataset/versions.cypher` and kept in this process; a
 * request older than `refreshMs` after the last read uses them and starts one read in the background,
 * so no request waits for an extra round trip (only the very first one).
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, OperationTypeNode, parse } from 'graphql';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DatasetVersion } from '../repositories/dataset-repository.js';
import type { Repositories } from '../repositories/index.js';

export interface HttpCacheOptions {
  /** Reads every loaded dataset's version (one round trip). */
  versions: () => Promise<DatasetVersion[]>;
  /** How long a read of the versions is used before it is read again in the background. */
  refreshMs: number;
  /** `max-age` (and `s-maxage`) of cacheable answers, in seconds. */
  maxAgeSeconds: number;
  logger?: Logger;
}

/** The in-process copy of the dataset versions, refreshed in the background. */
function versionCache(read: () => Promise<DatasetVersion[]>, refreshMs: number, logger?: Logger) {
  let value: string | undefined;
  let readAt = 0;
  let pending: Promise<string> | undefined;
  const refresh = (): Promise<string> => {
    pending ??= read()
      .then((versions) => {
        value = versions.map((v) => `${v.id}=${v.version}`).join(',');
        readAt = Date.now();
        return value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return async (): Promise<string> => {
    if (value === undefined) return refresh();
    if (Date.now() - readAt > refreshMs) {
      refresh().catch((error: unknown) => logger?.warn({ err: error }, 'http cache: reading the dataset versions failed'));
    }
    return value;
  };
}

/** Variables in one form whatever their key order or spacing (unparseable text is used as it is). */
function canonicalJson(text: string | null): string {
  if (text === null) return '';
  try {
    const sort = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sort)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, sort(x)]))
          : v;
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** True when `query` parses and the operation it would run (by `operationName`) is a query. */
function isQuery(query: string, operationName: string | null): boolean {
  try {
    const operations = parse(query, { noLocation: true }).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const op = operationName === null ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName);
    return op?.operation === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => weak(t) === weak(etag));
}

/** Express middleware for /graphql, after the trusted-documents middleware and before Apollo. */
export function httpCache(options: HttpCacheOptions): RequestHandler {
  const currentVersions = versionCache(options.versions, options.refreshMs, options.logger);
  const cacheControl = `public, max-age=${options.maxAgeSeconds}, s-maxage=${options.maxAgeSeconds}`;

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.headers.authorization !== undefined) return next();
    const params = new URL(req.url, 'http://localhost').searchParams;
    const query = params.get('query');
    if (query === null) return next();
    currentVersions().then(
      (versions) => {
        const operationName = params.get('operationName');
        const key = [versions, query, operationName ?? '', canonicalJson(params.get('variables')), canonicalJson(params.get('extensions'))].join('\u0000');
        const etag = `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
        res.vary('Accept');
        if (matches(req.headers['if-none-match'], etag) && isQuery(query, operationName)) {
          res.setHeader('ETag', etag);
          res.setHeader('Cache-Control', cacheControl);
          res.status(304).end();
          return;
        }
        // Decide when the answer is known: only a 200 without errors may be cached.
        const send = res.send.bind(res);
        res.send = (body?: unknown) => {
          const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
          const cacheable = res.statusCode === 200 && text !== undefined && !/^\s*\{\s*"errors"\s*:/.test(text) && !text.includes('"errors":[');
          if (!cacheable) {
            // Bypass Express's own body ETag too: an error must not be revalidated into a 304.
            res.setHeader('Cache-Control', 'no-store');
            res.removeHeader('ETag');
            if (text === undefined) return send(body);
            res.setHeader('Content-Length', Buffer.byteLength(text));
            res.end(text);
            return res;
          }
          res.setHeader('ETag', etag);
          res.setHeader('Cache-Control', cacheControl);
          return send(body);
        };
        next();
      },
      // The versions cannot be read (Neo4j down): answer uncached; Apollo reports the outage itself.
      () => next(),
    );
  };
}

/** The middleware as the server mounts it: none when `HTTP_CACHE=off`. */
export function httpCacheFor(deps: { config: Config; repos: Repositories; logger: Logger }): RequestHandler[] {
  const { enabled, maxAgeSeconds, refreshMs } = deps.config.httpCache;
  if (!enabled) return [];
  // A fresh query context per read: a context pins the dataset versions it has seen (src/neo4j/consistency.ts).
  const versions = () => deps.repos.datasets.versions({ operationName: 'http-cache:dataset-versions' });
  return [httpCache({ versions, refreshMs, maxAgeSeconds, logger: deps.logger })];
}

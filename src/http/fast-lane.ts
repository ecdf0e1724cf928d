/**
 * The fast lane for the most common request: one operation POSTed as JSON by a client that is not a
 * browser page of another origin (no `Origin` header, so no CORS to answer). It is the first handler
 * of the app and takes the request straight to Apollo (`runConsistently`, the same as the general
 * chain), skipping what such a request never needs: the routing through the other routes, CORS,
 * the general body parser, the batch check and HTTP caching (which serves GET only). What it does is
 * what the general chain does for this request, in the same order: refuse while draining, set the
 * request's deadline, read the body under BODY_LIMIT, apply the trusted-documents rules, run the
 * operation, and write Apollo's answer.
 *
 * Everything else (GET, batches, browsers, other encodings and content types, bodies without a
 * declared length or over the limit, bodies that are not one JSON object) goes down the general
 * chain, unchanged: a body the lane has read is handed on parsed (the body parser then skips it) or,
 * when it is not JSON, as the same parse error the body parser reports.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { writeResponse, type ConsistentRun } from './consistent-graphql.js';

export interface FastLaneOptions {
  /** BODY_LIMIT as configured (`100kb`, `1mb`, `102400`). */
  bodyLimit: string;
  /** True while the server drains: the general chain answers 503. */
  draining: () => boolean;
  /** The request deadline middleware (src/graphql/limits.ts `requestDeadline`). */
  deadline: RequestHandler;
  /** The trusted-documents middleware in force (it may answer the request itself). */
  trustedDocuments: RequestHandler;
  run: ConsistentRun;
}

/** BODY_LIMIT in bytes (the units the body parser reads: b, kb, mb, powers of 1024). */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`BODY_LIMIT: not a size (${limit})`);
  const unit = (match[2] ?? 'b').toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** True when the lane can take the request before reading its body. */
function eligible(req: Request, maxBytes: number): boolean {
  if (req.method !== 'POST' || req.headers.origin !== undefined) return false;
  if (req.url !== '/graphql' && req.url !== '/graphql/') return false;
  const type = req.headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const length = Number(req.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= maxBytes;
}

/** The body parser's own error for a body that is not a JSON object or array (requestErrorHandler words it). */
function parseError(message: string): Error {
  return Object.assign(new Error(message), { type: 'entity.parse.failed', status: 400, statusCode: 400, expose: true });
}

/**
 * The body as the body parser reads it in strict mode: a leading byte-order mark dropped, an object
 * or an array only, and for anything else its very message (it parses the text with the rest masked
 * by `#`, then puts the text back into the message).
 */
function parseStrict(raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') {
    const index = first === undefined ? -1 : text.indexOf(first);
    const masked = index === -1 ? '' : text.slice(0, index) + '#'.repeat(text.length - index);
    let message = 'strict violation';
    try {
      JSON.parse(masked);
    } catch (error) {
      message = (error as Error).message.replace(/#+/g, (mask) => text.slice(index, index + mask.length));
    }
    throw parseError(message);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw parseError((error as Error).message);
  }
}

export function fastLane(options: FastLaneOptions): RequestHandler {
  const maxBytes = bodyLimitBytes(options.bodyLimit);
  const answer = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // The trusted-documents rules as in the general chain: it calls next (maybe with an error), or answers itself.
    const verdict = await new Promise<unknown>((resolve) => options.trustedDocuments(req, res, (error?: unknown) => resolve(error ?? null)));
    if (verdict !== null) return next(verdict);
    // Written at once, with its length: no ETag hashing or type sniffing (HTTP caching serves GET only).
    await writeResponse(res, await options.run(req, res, req.body as unknown), (text) => {
      res.setHeader('content-length', Buffer.byteLength(text));
      res.end(text);
    });
  };

  return (req, res, next) => {
    if (options.draining() || !eligible(req, maxBytes)) return next();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', (error) => next(error));
    req.on('end', () => {
      let body: unknown;
      try {
        body = parseStrict(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        next(error);
        return;
      }
      req.body = body;
      // Batches take the general chain (its batch limit); the body parser sees a finished body and skips.
      if (Array.isArray(body)) return next();
      options.deadline(req, res, () => undefined);
      answer(req, res, next).catch(next);
    });
  };
}

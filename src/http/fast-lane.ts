/**
 * The fast lane: the app's first handler hands the most common request (one JSON operation POSTed to
 * /graphql by a client that is not a browser page of another origin: no `Origin` header, so no CORS to
 * answer) straight to the GraphQL chain (graphql-chain.ts), the same one the general chain reaches
 * after CORS and the other routes. It skips only the routing through those routes and CORS, not one
 * step of the chain; everything else (GET, browsers, other content types or encodings, no declared
 * length, over the limit, while draining) takes the general chain.
 *
 * Also here: the chain's body step for such a body, which reads it without the general body parser's
 * machinery (charset and encoding handling it does not need) and parses it as the body parser does in
 * strict mode, with the same errors.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** BODY_LIMIT in bytes (the units the body parser reads: b, kb, mb, powers of 1024). */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`BODY_LIMIT: not a size (${limit})`);
  const unit = (match[2] ?? 'b').toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A POST of UTF-8 JSON, not encoded, with a declared length within the limit. */
function plainJson(req: Request, maxBytes: number): boolean {
  if (req.method !== 'POST') return false;
  const type = req.headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const length = Number(req.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= maxBytes;
}

/** True when the lane takes the request (it is one for /graphql that needs no CORS and a plain body). */
function eligible(req: Request, maxBytes: number): boolean {
  return req.headers.origin === undefined && (req.url === '/graphql' || req.url === '/graphql/') && plainJson(req, maxBytes);
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

/**
 * The chain's body step: a plain JSON body is read here, anything else by Express's JSON parser (every
 * charset, encoding and their refusals), both under BODY_LIMIT. The chain stops here when the request's
 * deadline answered while the body was still arriving (src/graphql/limits.ts, `requestDeadline`).
 */
export function jsonBody(bodyLimit: string): RequestHandler {
  const maxBytes = bodyLimitBytes(bodyLimit);
  const parser = express.json({ limit: bodyLimit });
  const then = (res: Response, next: NextFunction) => (error?: unknown) => {
    if (error !== undefined) return next(error);
    if (!res.headersSent) next();
  };
  return (req, res, next) => {
    if (!plainJson(req, maxBytes)) return parser(req, res, then(res, next));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', (error) => next(error));
    req.on('end', () => {
      try {
        req.body = parseStrict(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        return next(error);
      }
      then(res, next)();
    });
  };
}

export interface FastLaneOptions {
  /** BODY_LIMIT as configured (`100kb`, `1mb`, `102400`). */
  bodyLimit: string;
  /** True while the server drains: the general chain answers 503. */
  draining: () => boolean;
  /** The GraphQL chain (graphql-chain.ts), the same the general chain mounts. */
  chain: RequestHandler;
}

export function fastLane(options: FastLaneOptions): RequestHandler {
  const maxBytes = bodyLimitBytes(options.bodyLimit);
  return (req, res, next) => {
    if (options.draining() || !eligible(req, maxBytes)) return next();
    return options.chain(req, res, next);
  };
}

/**
 * The GraphQL chain's body step (graphql-chain.ts): a plain JSON body (a POST of UTF-8 JSON, not encoded, with a
 * declared length within BODY_LIMIT) is read here without the general body parser's machinery (charset and
 * encoding handling it does not need) and parsed as the body parser does in strict mode, with the same errors;
 * anything else goes to Express's JSON parser. The fast lane (fast-lane.ts) takes only plain JSON bodies.
 */
import express, { type NextFunction, type RequestHandler, type Request, type Response } from 'express';

/** BODY_LIMIT in bytes (the units the body parser reads: b, kb, mb, powers of 1024). */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`BODY_LIMIT: not a size (${limit})`);
  const unit = (match[2] ?? 'b').toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A POST of UTF-8 JSON, not encoded, with a declared length within the limit: what the fast lane takes and this step reads. */
export function plainJson(req: Request, maxBytes: number): boolean {
  if (req.method !== 'POST') return false;
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

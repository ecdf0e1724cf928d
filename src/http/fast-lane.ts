/**
 * The fast lane: the app's first handler hands the most common request (one JSON operation POSTed to
 * /graphql by a client that is not a browser page of another origin: no `Origin` header, so no CORS to
 * answer) straight to the GraphQL chain (graphql-chain.ts), the same router the general chain reaches
 * after CORS and the other routes. It adds no step of its own and skips only the routing through those
 * routes and CORS; everything else (GET, browsers, other content types or encodings, no declared length,
 * over the limit, while draining) takes the general chain.
 */
import type { Request, RequestHandler } from 'express';
import { bodyLimitBytes, plainJson } from './json-body.js';

/** True when the lane takes the request (it is one for /graphql that needs no CORS and a plain body). */
function eligible(req: Request, maxBytes: number): boolean {
  return req.headers.origin === undefined && (req.url === '/graphql' || req.url === '/graphql/') && plainJson(req, maxBytes);
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

/**
 * Apollo Server on Express, with one addition: a request whose transactions saw two different dataset
 * versions (a `npm run seed` committed between them; src/neo4j/consistency.ts) is run again from the
 * start, a few times, so that its answer comes from one version only. Otherwise this is what
 * `expressMiddleware` of @as-integrations/express5 does: Express request in, Apollo HTTP response out.
 */
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { PinnedVersions } from '../neo4j/consistency.js';

/** Runs of one request at most (the first and the re-runs after a reload). */
const MAX_RUNS = 4;

/** One HTTP request through Apollo, run again while a reload changed the data under it. */
export type ConsistentRun = (req: Request, res: Response, body: unknown) => Promise<HTTPGraphQLResponse>;

export function runConsistently<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (args: { req: Request; res: Response }) => Promise<C>,
  /** The per-request query context inside a context value (where the versions are pinned). */
  pinsOf: (contextValue: C) => PinnedVersions,
): ConsistentRun {
  server.assertStarted('consistentGraphQL()');
  return async (req, res, body) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const queryAt = req.url.indexOf('?');
    const httpGraphQLRequest = { method: req.method.toUpperCase(), headers, search: queryAt < 0 ? '' : req.url.slice(queryAt), body };
    for (let run = 1; ; run++) {
      const contexts: C[] = [];
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => {
          const value = await context({ req, res });
          contexts.push(value);
          return value;
        },
      });
      const changed = contexts.some((c) => pinsOf(c).datasetChanged === true);
      if (changed && run < MAX_RUNS && !res.headersSent && !res.writableEnded && !res.destroyed) continue;
      return response;
    }
  };
}

/** Writes Apollo's answer: headers, status, and a complete body through `complete`, or the stream. */
export async function writeResponse(res: Response, response: HTTPGraphQLResponse, complete: (text: string) => void): Promise<void> {
  if (res.headersSent || res.writableEnded) return;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    complete(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * The Express handler: Apollo's answer. A GET's with `res.send` (which src/http/http-cache.ts wraps to
 * add its ETag); any other's at once, with its length: no ETag hashing or type sniffing, since only GET
 * answers are cached.
 */
export function consistentGraphQL(run: ConsistentRun): RequestHandler {
  return async (req, res) => {
    await writeResponse(res, await run(req, res, req.body as unknown), (text) => {
      if (req.method === 'GET') {
        res.send(text);
        return;
      }
      res.setHeader('content-length', Buffer.byteLength(text));
      res.end(text);
    });
  };
}

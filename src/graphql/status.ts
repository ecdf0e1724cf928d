/**
 * One HTTP status per error code (src/errors.ts, HTTP_STATUS), whichever part of the server raised the
 * error: a response whose errors left no data gets the status of its most severe code (QUERY_TIMEOUT is
 * 503 whether the request's deadline, the work budget's clock or Neo4j's transaction timeout fired; a
 * refused argument is 400 whether graphql-js or a resolver refused it). A response that carries data
 * beside its errors is 200, as the GraphQL-over-HTTP spec requires of a response with data. 503s carry
 * `Retry-After`. Codes outside the table (BAD_REQUEST and Apollo's persisted-query codes) keep the status
 * they were sent with.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { HTTP_STATUS } from '../errors.js';

/** Seconds a client is asked to wait after a 503. */
export const RETRY_AFTER_SECONDS = 5;

function hasData(data: unknown): boolean {
  if (data === null || data === undefined || typeof data !== 'object') return false;
  for (const key in data) if ((data as Record<string, unknown>)[key] !== null) return true;
  return false;
}

/** The status of a list of errors (the most severe code in the table), or undefined when none is listed. */
export function statusOfErrors(errors: readonly { extensions?: Readonly<Record<string, unknown>> | undefined }[]): number | undefined {
  let status: number | undefined;
  for (const error of errors) {
    const code = error.extensions?.['code'];
    const listed = typeof code === 'string' ? HTTP_STATUS[code] : undefined;
    if (listed !== undefined && (status === undefined || listed > status)) status = listed;
  }
  return status;
}

export function statusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length) return;
          if (hasData(data)) {
            response.http.status = 200;
            return;
          }
          const status = statusOfErrors(errors);
          if (status === undefined) return;
          response.http.status = status;
          if (status === 503) response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

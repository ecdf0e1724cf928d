/** Helpers for the typed-client tests: a graphql-request client on the test server, and narrowing. */
import { GraphQLClient } from 'graphql-request';

export function clientFor(url: string, headers: Record<string, string> = {}): GraphQLClient {
  return new GraphQLClient(url, { headers });
}

/**
 * Narrows a `node(id:)` result to one type, as a front-end would: fails the test (not just the
 * typecheck) when the server answers with another type or null.
 */
export function expectType<T extends { __typename: string }, K extends T['__typename']>(
  node: T | null | undefined,
  typename: K,
): Extract<T, { __typename: K }> {
  if (!node) throw new Error(`expected a ${typename}, got ${String(node)}`);
  if (node.__typename !== typename) throw new Error(`expected a ${typename}, got a ${node.__typename}`);
  return node as Extract<T, { __typename: K }>;
}

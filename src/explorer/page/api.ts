/**
 * The explorer talks to /graphql only, with its own operations (operations/explorer/) sent exactly as the
 * trusted-documents manifest holds them; the page carries them in a JSON block (no inline script).
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

let operations: Record<string, string> | null = null;

function operation(name: string): string {
  operations ??= JSON.parse(document.getElementById('explorer-operations')?.textContent ?? '{}') as Record<string, string>;
  const text = operations[name];
  if (!text) throw new ApiError(`the explorer's operation ${name} is not deployed on this server`, null);
  return text;
}

/** Runs one of the explorer's operations; the API's own error message when it refuses. */
export async function gql<T>(name: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: operation(name), operationName: name, variables }),
    ...(signal ? { signal } : {}),
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`the API answered HTTP ${res.status} without JSON`, null);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors[0]?.extensions?.code ?? null);
  if (!body.data) throw new ApiError(`the API answered HTTP ${res.status} without data`, null);
  return body.data;
}

/** An id as the API writes them (`meeting:firearms-promotion`), as opposed to a name. */
export const looksLikeId = (text: string): boolean => /^[a-z][a-z0-9-]*:[^\s]+$/.test(text.trim());

/**
 * How the IDE talks to the API: a fetcher that never throws (a network failure or a body that is
 * not JSON becomes a GraphQL error with a plain message, never a JavaScript stack), always names an
 * operation of the document it sends, and reports each answer's status, time and size; and the
 * cURL command and share link of the current request.
 */
import { Kind, parse } from 'graphql';

export interface ResponseStats {
  status: number | null;
  ms: number;
  bytes: number;
  error?: string;
}

type Listener = (stats: ResponseStats) => void;
const listeners = new Set<Listener>();

export function onResponseStats(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface RequestParams {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * The operation name to send with `query`. GraphiQL learns the operation name of a tab only a moment
 * after the tab opens (it parses the editor's text on a 100 ms debounce), so a Run clicked at once
 * would send the new tab's document under the previous tab's name, and the server would refuse it
 * (unknown operation). The name asked for is kept when the document defines it; otherwise the
 * document's only operation, or its first named one, is sent. Text that does not parse is sent as
 * it is: the server's answer says where the syntax error is.
 */
export function operationNameFor(query: string, requested: string | null | undefined): string | null {
  let names: (string | null)[];
  try {
    names = parse(query, { noLocation: true }).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : []));
  } catch {
    return requested ?? null;
  }
  if (requested && names.includes(requested)) return requested;
  if (names.length === 1) return names[0]!;
  return names.find((name) => name !== null) ?? null;
}

type Result = { data?: unknown; errors?: { message: string }[]; extensions?: unknown };

export function createFetcher(endpoint: string) {
  return async (params: RequestParams, options?: { headers?: Record<string, unknown> }): Promise<Result> => {
    // The IDE's own schema fetch is not the user's request: it does not update the figures.
    const own = params.operationName === 'IntrospectionQuery';
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/graphql-response+json, application/json',
          'content-type': 'application/json',
          ...Object.fromEntries(Object.entries(options?.headers ?? {}).map(([k, v]) => [k, String(v)])),
        },
        body: JSON.stringify({ ...params, operationName: operationNameFor(params.query, params.operationName) }),
      });
    } catch (error) {
      const message = `Network error: could not reach ${new URL(endpoint, location.href).href} (${(error as Error).message}). Is the server running?`;
      if (!own) for (const l of listeners) l({ status: null, ms: performance.now() - started, bytes: 0, error: 'network error' });
      return { errors: [{ message }] };
    }
    const text = await response.text();
    if (!own) for (const l of listeners) l({ status: response.status, ms: performance.now() - started, bytes: new TextEncoder().encode(text).length });
    try {
      return JSON.parse(text) as Result;
    } catch {
      return { errors: [{ message: `The server answered HTTP ${response.status} ${response.statusText} with a body that is not JSON: ${text.slice(0, 300)}` }] };
    }
  };
}

export function formatStats(stats: ResponseStats): string {
  const size = stats.bytes < 1024 ? `${stats.bytes} B` : stats.bytes < 1024 * 1024 ? `${(stats.bytes / 1024).toFixed(1)} kB` : `${(stats.bytes / 1024 / 1024).toFixed(2)} MB`;
  const status = stats.status === null ? (stats.error ?? 'failed') : `HTTP ${stats.status}`;
  return `${status} · ${Math.round(stats.ms)} ms · ${size}`;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a cURL command (POST, JSON body), the headers of the headers editor included. */
export function curlCommand(url: string, params: RequestParams, headers: Record<string, unknown>): string {
  const body: Record<string, unknown> = { query: params.query };
  if (params.variables && Object.keys(params.variables).length > 0) body['variables'] = params.variables;
  if (params.operationName) body['operationName'] = params.operationName;
  const lines = [`curl ${shellQuote(url)}`, `-H 'content-type: application/json'`];
  for (const [name, value] of Object.entries(headers)) lines.push(`-H ${shellQuote(`${name}: ${String(value)}`)}`);
  lines.push(`--data-raw ${shellQuote(JSON.stringify(body))}`);
  return lines.join(' \\\n  ');
}

/** A link that opens the IDE with this query (and variables) in a tab. */
export function shareLink(url: string, query: string, variables: string | null): string {
  const link = new URL(url);
  link.search = '';
  link.searchParams.set('query', query);
  if (variables && variables.trim() !== '' && variables.trim() !== '{}') link.searchParams.set('variables', variables);
  return link.href;
}

/** Parses the variables or headers editor's text (JSON); empty is `{}`; invalid throws a plain message. */
export function parseEditorJson(text: string | undefined, what: string): Record<string, unknown> {
  if (!text || text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new Error(`The ${what} are not a JSON object.`);
}

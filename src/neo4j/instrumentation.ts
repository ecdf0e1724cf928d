/**
 * The seam between the database and tracing: `Database` asks its instrumentation to run each
 * statement, and tracing (src/observability/tracing.ts) answers with a span per statement. Without
 * tracing configured the statement simply runs.
 */

export interface Instrumentation {
  /** Runs one statement's work; `parent` is the request's trace context, if it has one. */
  statement<T>(name: string, parent: unknown, work: () => Promise<T>): Promise<T>;
}

export const noInstrumentation: Instrumentation = {
  statement: (_name, _parent, work) => work(),
};

const NAMED = /^\s*\/\/\s*([\w/.:-]+):/;

/**
 * A statement's name for logs, metrics and traces: the catalog file's leading comment
 * (`// entity/by-keys: …`), so no parameter or literal ever leaves as a name.
 */
export function statementName(cypher: string): string {
  return NAMED.exec(cypher)?.[1] ?? 'unnamed';
}

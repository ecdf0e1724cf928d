/**
 * The export routes, `/export/<name>.csv` and `/export/<name>.json` (docs/analytics.md): the root connections
 * (connections.ts) and the analyst questions (question-tables.ts). Each runs a GraphQL operation against the same
 * schema, resolvers and services as /graphql, so validation and bounds are the API's own. Bad parameters get a
 * 400 whose JSON says in plain words what is accepted; an unknown export (any name, `constructor` included) is 404.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Router, type Request, type Response } from 'express';
import { execute, GraphQLError, isNonNullType, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import { createContext, type ContextDeps } from '../graphql/context.js';
import type { Logger } from '../logger.js';
import type { QueryContext } from '../neo4j/database.js';
import { cellsOf, headerOf, type Row, type Table } from './columns.js';
import { connectionExports, PAGE, readConnection, type Run } from './connections.js';
import { toCsv } from './csv.js';
import { LimitedText } from './limited-text.js';
import { toGexf, toGraphml, type GraphFile } from './graph-files.js';
import { GRAPH_EXPORTS, GRAPH_FORMATS, graphOfResult, WHOLE_GRAPH_ACCEPTED, wholeGraph } from './graph-exports.js';
import { bad, checkKnown, coerce, describeInput, ExportError, FORMATS, one, paramsOf, type Accepted, type Format, type Params } from './params.js';
import { QUESTIONS, WARM_UP_PARAMS, type QuestionExport } from './question-tables.js';
import { neo4jClientError, statusOf } from '../errors.js';

/** The limit a GraphQL error names (`limit`, `setting`, `max`, `found`), carried over to the export's answer. */
function limitedError(exportError: ExportError, error: { extensions?: Readonly<Record<string, unknown>> }): ExportError {
  const { limit, setting, max, found } = error.extensions ?? {};
  if (limit !== undefined) exportError.limit = { limit, setting, max, found };
  return exportError;
}

export interface ExportDeps extends ContextDeps {
  config: Config;
  logger: Logger;
}

interface Handler {
  accepted: Accepted;
  handle(params: Params, format: Format): Promise<{ json: unknown; table: Table }>;
}

function questionHandler(schema: GraphQLSchema, name: string, q: QuestionExport, run: Run): Handler {
  const root = schema.getQueryType()!.getFields()[q.root]!;
  const accepted: Accepted = {};
  for (const a of root.args) {
    const required = isNonNullType(a.type) && a.defaultValue === undefined;
    accepted[a.name] = `${required ? 'required: ' : ''}${a.description ?? ''} (${describeInput(a.type)})`.replace(/^\s*\(/, '(');
  }
  const parts = Object.keys(q.parts);
  if (parts.length > 1) accepted['part'] = `CSV only: ${parts.join(' (default), ').replace(/ \(default\), /, ' (default), ')} — which table`;
  const declared = root.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = root.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const operation = `query Export_${name}${declared ? `(${declared})` : ''} {
    ${q.root}${passed ? `(${passed})` : ''} { ${q.selection} }
  }`;
  return {
    accepted,
    async handle(params, format) {
      checkKnown(params, accepted);
      const partName = one(params, 'part', accepted) ?? parts[0]!;
      if (!Object.hasOwn(q.parts, partName)) throw bad(`part: ${JSON.stringify(partName.slice(0, 40))} is not accepted; use one of ${parts.join(', ')}.`, accepted);
      if (format === 'json' && params['part']) throw bad('part applies to CSV only: JSON holds every part.', accepted);
      const variables: Row = {};
      for (const a of root.args) {
        const raw = params[a.name];
        if (raw && raw.length > 0) variables[a.name] = coerce(a.type, raw, a.name, accepted);
        else if (isNonNullType(a.type) && a.defaultValue === undefined) throw bad(`${a.name} is required.`, accepted);
      }
      const result = (await run(operation, variables, accepted))[q.root] as Row;
      const part = q.parts[partName]!;
      return { json: result, table: { columns: part.columns, rows: part.rows(result) } };
    },
  };
}

/** The export routes, with `warm`: every export's statements run once (the start-up warm-up), the names that failed. */
export type ExportRouter = Router & { warm(): Promise<{ count: number; failed: string[] }> };

/** The export routes, run against the same executable schema as /graphql. */
export function createExportRouter(deps: ExportDeps, schema: GraphQLSchema): ExportRouter {
  const { config, logger } = deps;
  const log = logger.child({ component: 'export' });
  const maxBytes = config.limits.maxResultBytes;

  // Every read of one export shares one query context, so all of them read the same dataset versions
  // (src/neo4j/consistency.ts); an export that saw a reload commit between its reads runs again.
  const exportScope = new AsyncLocalStorage<QueryContext>();
  const exportQuery = (): QueryContext => exportScope.getStore() ?? { operationName: 'export', timeoutMs: config.neo4j.queryTimeoutMs };
  // Each export's operation is parsed and validated once, so the compiler's statement cache (keyed by
  // the parsed document's field nodes) serves every later run of it.
  const documents = new Map<string, DocumentNode | ExecutionResult>();
  const prepared = (operation: string): DocumentNode | ExecutionResult => {
    let known = documents.get(operation);
    if (!known) {
      try {
        const document = parse(operation);
        const errors = validate(schema, document);
        known = errors.length ? { errors } : document;
      } catch (error) {
        known = { errors: [error as never] };
      }
      if (documents.size >= 500) documents.delete(documents.keys().next().value!);
      documents.set(operation, known);
    }
    return known;
  };
  const run: Run = async (operation, variables, accepted) => {
    const query = exportQuery();
    const document = prepared(operation);
    const result = 'kind' in document ? await execute({ schema, document, variableValues: variables, contextValue: createContext(deps, log, query) }) : document;
    // The work budget's error (all pages of an export share one) before the errors of the fields it stopped.
    const error = query.stopped instanceof GraphQLError ? query.stopped : result.errors?.[0];
    if (!error) return (result.data ?? {}) as Row;
    // A Neo4j error no layer translated still gets its code (src/errors.ts), as on /graphql.
    const neo4j = neo4jClientError(error.originalError, config.neo4j.queryTimeoutMs);
    if (neo4j) log.warn({ err: error.originalError }, `Neo4j error answered as ${String(neo4j.extensions['code'])}`);
    const known = neo4j ?? error;
    const code = String(known.extensions?.['code'] ?? (error.path === undefined ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'));
    if (code === 'INTERNAL_SERVER_ERROR') {
      log.error({ err: error.originalError ?? error }, 'export failed');
      throw new ExportError(500, code, 'Internal server error: the error was logged on the server.');
    }
    const status = statusOf(code);
    // A variable refused by GraphQL itself (parameters are checked first, so this is rare) would quote `$filter`:
    // say it in words instead.
    const message = error.path === undefined && /^Variable "\$/.test(known.message) ? 'A parameter has a value this export does not accept: see accepted.' : known.message;
    throw limitedError(new ExportError(status, code, message, status === 400 && known.extensions?.['limit'] === undefined ? { parameters: accepted } : undefined), known);
  };

  const connections = connectionExports(schema);
  const handlers = new Map<string, Handler>();
  for (const [name, spec] of connections) {
    handlers.set(name, {
      accepted: spec.accepted,
      async handle(params) {
        const { nodes, more } = await readConnection(spec, params, run);
        const rows = nodes.flatMap((n) => (spec.table.rowsOf ? spec.table.rowsOf(n) : [n]));
        return { json: { [name]: nodes, count: nodes.length, truncated: more }, table: { columns: spec.table.columns, rows } };
      },
    });
  }
  for (const [name, q] of QUESTIONS) handlers.set(name, questionHandler(schema, name, q, run));

  const available = () => ({ ...Object.fromEntries([...handlers].map(([name, h]) => [name, h.accepted])), graph: WHOLE_GRAPH_ACCEPTED });

  /** A neighbourhood, a path set or the whole dataset as a graph file. */
  async function graphFile(name: string, params: Params): Promise<GraphFile> {
    if (name === 'graph') return wholeGraph(params, deps.repos, exportQuery());
    const { json } = await handlers.get(name)!.handle(params, 'json');
    return graphOfResult(name as 'neighbourhood' | 'path', json as Row, deps.repos, exportQuery());
  }
  const columns = () =>
    Object.fromEntries([
      ...[...connections].map(([name, c]) => [name, headerOf(c.table.columns)]),
      ...[...QUESTIONS].map(([name, q]) => [name, Object.fromEntries(Object.entries(q.parts).map(([p, part]) => [p, headerOf(part.columns)]))]),
    ]);

  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ formats: FORMATS, graphFormats: { formats: GRAPH_FORMATS, exports: GRAPH_EXPORTS }, exports: available(), columns: columns() });
  });

  router.get('/:file', async (req: Request, res: Response) => {
    for (let run = 1; ; run++) {
      const query: QueryContext = { operationName: 'export', timeoutMs: config.neo4j.queryTimeoutMs };
      if (!(await exportScope.run(query, () => answer(req, res, run < 4)))) return;
    }
  });

  /** Answers one export request; true when it should run again from the start (a reload committed meanwhile). */
  async function answer(req: Request, res: Response, mayRetry: boolean): Promise<boolean> {
    try {
      const file = String(req.params['file'] ?? '');
      const dot = file.lastIndexOf('.');
      const name = dot > 0 ? file.slice(0, dot) : file;
      const format = (dot > 0 ? file.slice(dot + 1) : '') as Format | (typeof GRAPH_FORMATS)[number];
      if ((GRAPH_FORMATS as readonly string[]).includes(format)) {
        if (!(GRAPH_EXPORTS as readonly string[]).includes(name)) {
          throw new ExportError(404, 'NOT_FOUND', `No graph file named "${name.slice(0, 60)}": .${format} is for ${GRAPH_EXPORTS.join(', ')}.`, { exports: GRAPH_EXPORTS });
        }
        const graph = await graphFile(name, paramsOf(req));
        const body = format === 'graphml' ? toGraphml(graph, maxBytes) : toGexf(graph, maxBytes);
        res
          .type(format === 'graphml' ? 'application/graphml+xml; charset=utf-8' : 'application/gexf+xml; charset=utf-8')
          .set('content-disposition', `attachment; filename="${name}.${format}"`)
          .send(body);
        return false;
      }
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw new ExportError(400, 'BAD_USER_INPUT', `"${file.slice(0, 60)}": name the format as .csv or .json (or .graphml, .gexf for graph, neighbourhood and path), e.g. /export/agreements.csv.`, { formats: [...FORMATS, ...GRAPH_FORMATS] });
      }
      const handler = handlers.get(name);
      if (!handler) throw new ExportError(404, 'NOT_FOUND', `No export named "${name.slice(0, 60)}".`, { exports: [...handlers.keys()], formats: FORMATS });
      const { json, table } = await handler.handle(paramsOf(req), format as Format);
      if (format === 'json') {
        res.type('application/json; charset=utf-8').send(new LimitedText(maxBytes, '', [JSON.stringify(json)]).join());
      } else {
        res
          .type('text/csv; charset=utf-8')
          .set('content-disposition', `attachment; filename="${name}.csv"`)
          .send(toCsv(headerOf(table.columns), cellsOf(table), maxBytes));
      }
    } catch (caught) {
      // The file writers' budget error (limited-text.ts) is answered like the GraphQL budget's.
      const error = caught instanceof GraphQLError ? limitedError(new ExportError(statusOf(caught.extensions['code']), String(caught.extensions['code']), caught.message), caught) : caught;
      if (error instanceof ExportError && error.code === 'DATASET_CHANGED' && mayRetry) return true;
      if (error instanceof ExportError) {
        res.status(error.status).json({ error: { code: error.code, message: error.message, ...error.limit, ...(error.accepted ? { accepted: error.accepted } : {}) } });
        return false;
      }
      log.error({ err: error }, 'export failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error: the error was logged on the server.' } });
    }
    return false;
  }

  /** Each export once, as a request would run it: lists two pages deep, questions and graph files with the shipped dataset's keys. */
  async function warm(): Promise<{ count: number; failed: string[] }> {
    const failed: string[] = [];
    const runs: [string, () => Promise<unknown>][] = [
      ...[...handlers.keys()].map((name): [string, () => Promise<unknown>] => [
        name,
        () => handlers.get(name)!.handle(connections.has(name) ? { limit: [String(PAGE + 1)] } : { ...WARM_UP_PARAMS[name] }, 'json'),
      ]),
      ...GRAPH_EXPORTS.map((name): [string, () => Promise<unknown>] => [`${name}.graphml`, () => graphFile(name, name === 'graph' ? { limit: ['1'] } : { ...WARM_UP_PARAMS[name] })]),
    ];
    for (const [name, once] of runs) {
      const query: QueryContext = { operationName: `warm-up:export:${name}`, timeoutMs: config.neo4j.queryTimeoutMs };
      await exportScope.run(query, once).catch((error: unknown) => {
        log.warn({ err: error, export: name }, 'warm-up: export failed');
        failed.push(name);
      });
    }
    return { count: runs.length, failed };
  }
  return Object.assign(router, { warm });
}

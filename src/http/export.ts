/**
 * Export routes: any root connection (`/export/agreements.csv?kind=EPA`, `/export/meetings.json`)
 * and the path, neighbourhood and timeline results (`/export/path.json?from=…&to=…`,
 * `/export/neighbourhood.csv?id=…&depth=2`) as CSV (UTF-8 with a byte-order mark, RFC 4180
 * quoting, CRLF) or JSON. Thin on purpose: each route runs a GraphQL operation against the same
 * schema, resolvers and services as /graphql (so validation and bounds are the API's own), then
 * flattens the result into rows. Bad parameters get a 400 whose JSON says what is accepted.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Router, type Request, type Response } from 'express';
import {
  getNamedType,
  graphql,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { createContext } from '../graphql/context.js';
import type { QueryContext } from '../neo4j/database.js';
import type { AppDeps } from './server.js';

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];
const DEFAULT_ROWS = 1_000;
const MAX_ROWS = 5_000;
const PAGE = 100;

type Params = Record<string, string[]>;
type Row = Record<string, unknown>;

/** A 400 (or other) answer with what the route accepts. */
class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly accepted?: unknown,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- CSV

/** One CSV field: quoted when it holds a quote, comma, CR or LF (RFC 4180), quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet; numbers are left alone.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a UTF-8 byte-order mark (so spreadsheets read the encoding right) and CRLF lines. */
export function toCsv(rows: Row[], columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [cols.map(csvField).join(','), ...rows.map((r) => cols.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Flattens a GraphQL result object into one row: nested objects become dotted columns, an object
 * with a single field collapses onto its parent's name (`enacted: {value}` → `enacted`), and
 * lists are joined with "; ".
 */
export function flatten(value: unknown, prefix = '', out: Row = {}): Row {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      out[prefix] = value.join('; ');
      return out;
    }
    const parts = value.map((v) => flatten(v));
    for (const key of new Set(parts.flatMap((p) => Object.keys(p)))) {
      out[key ? `${prefix}.${key}` : prefix] = parts.map((p) => p[key] ?? '').join('; ');
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Row).filter(([k]) => k !== '__typename');
    if (entries.length === 1 && prefix) return flatten(entries[0]![1], prefix, out);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix] = value;
  return out;
}

// ---------------------------------------------------------------- parameters

function paramsOf(req: Request): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(req.query)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    out[k] = values;
  }
  return out;
}

function checkKnown(params: Params, accepted: Record<string, string>): void {
  const unknown = Object.keys(params).filter((k) => !(k in accepted));
  if (unknown.length > 0) {
    throw new ExportError(400, 'BAD_USER_INPUT', `Unknown parameter(s): ${unknown.join(', ')}.`, { parameters: accepted, formats: FORMATS });
  }
}

function one(params: Params, name: string, accepted: Record<string, string>): string | undefined {
  const v = params[name];
  if (!v || v.length === 0) return undefined;
  if (v.length > 1) throw new ExportError(400, 'BAD_USER_INPUT', `${name}: give it once.`, { parameters: accepted });
  return v[0];
}

function int(params: Params, name: string, accepted: Record<string, string>): number | undefined {
  const v = one(params, name, accepted);
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v)) throw new ExportError(400, 'BAD_USER_INPUT', `${name}: "${v.slice(0, 20)}" is not a whole number.`, { parameters: accepted });
  return Number(v);
}

function bool(params: Params, name: string, accepted: Record<string, string>): boolean | undefined {
  const v = one(params, name, accepted);
  if (v === undefined) return undefined;
  if (v !== 'true' && v !== 'false') throw new ExportError(400, 'BAD_USER_INPUT', `${name}: use true or false.`, { parameters: accepted });
  return v === 'true';
}

function list(params: Params, name: string): string[] | undefined {
  const v = params[name];
  if (!v) return undefined;
  const items = v.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function required(value: string | undefined, name: string, accepted: Record<string, string>): string {
  if (value === undefined || value === '') throw new ExportError(400, 'BAD_USER_INPUT', `${name} is required.`, { parameters: accepted });
  return value;
}

/** A query-string value as a GraphQL input value of `type` (GraphQL then checks enums, ranges, …). */
function coerce(type: GraphQLInputType, raw: string[], name: string, accepted: Record<string, string>): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return raw.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean).map((x) => coerce(inner.ofType, [x], name, accepted));
  }
  if (raw.length > 1) throw new ExportError(400, 'BAD_USER_INPUT', `${name}: give it once (or use a comma-separated list where a list is accepted).`, { parameters: accepted });
  const v = raw[0] ?? '';
  const named = getNamedType(inner);
  if (named.name === 'Int' || named.name === 'Float') {
    if (!/^-?\d+(\.\d+)?$/.test(v)) throw new ExportError(400, 'BAD_USER_INPUT', `${name}: "${v.slice(0, 20)}" is not a number.`, { parameters: accepted });
    return Number(v);
  }
  if (named.name === 'Boolean') {
    if (v !== 'true' && v !== 'false') throw new ExportError(400, 'BAD_USER_INPUT', `${name}: use true or false.`, { parameters: accepted });
    return v === 'true';
  }
  return v;
}

function describeInput(type: GraphQLInputType): string {
  const named = getNamedType(type);
  const listy = isListType(isNonNullType(type) ? type.ofType : type);
  const what = isEnumType(named) ? `one of ${named.getValues().map((v) => v.name).join(', ')}` : named.name;
  return listy ? `comma-separated list, each ${what}` : what;
}

// ---------------------------------------------------------------- connections

interface ConnectionExport {
  root: GraphQLField<unknown, unknown>;
  nodeType: GraphQLObjectType;
  operation: string;
  accepted: Record<string, string>;
}

/** A field's selection for export: leaves, dates (value), provenance, and linked objects by id and name. */
function selectionFor(type: GraphQLObjectType): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (named.name === 'SourceDate') parts.push(`${field.name} { value }`);
    else if (named.name === 'Provenance') parts.push(`${field.name} { section quote }`);
    else if (isUnionType(named)) parts.push(`${field.name} { ... on Entity { id name } }`);
    else if ((isObjectType(named) || isInterfaceType(named)) && 'id' in named.getFields() && 'name' in named.getFields()) {
      parts.push(`${field.name} { id name }`);
    }
  }
  return parts.join(' ');
}

function connectionExports(schema: GraphQLSchema): Map<string, ConnectionExport> {
  const out = new Map<string, ConnectionExport>();
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(root.type);
    if (!isObjectType(type) || !type.name.endsWith('Connection')) continue;
    const edges = type.getFields()['edges'];
    const edgeType = edges ? getNamedType(edges.type) : null;
    const nodeField = edgeType && isObjectType(edgeType) ? edgeType.getFields()['node'] : undefined;
    const nodeType = nodeField ? getNamedType(nodeField.type) : null;
    if (!nodeType || !isObjectType(nodeType)) continue;
    const args = root.args.filter((a) => ['first', 'after', 'filter', 'orderBy'].includes(a.name));
    const accepted: Record<string, string> = {
      limit: `the most rows, 1 to ${MAX_ROWS} (default ${DEFAULT_ROWS}); read page by page`,
    };
    const filterArg = root.args.find((a) => a.name === 'filter');
    const filterType = filterArg ? getNamedType(filterArg.type) : null;
    if (filterType && isInputObjectType(filterType)) {
      for (const f of Object.values(filterType.getFields())) {
        const fNamed = getNamedType(f.type);
        if (isInputObjectType(fNamed)) {
          for (const sub of Object.values(fNamed.getFields())) accepted[`${f.name}.${sub.name}`] = `filter.${f.name}.${sub.name}: ${describeInput(sub.type)}`;
        } else {
          accepted[f.name] = `filter.${f.name}: ${describeInput(f.type)}`;
          if (isListType(isNonNullType(f.type) ? f.type.ofType : f.type) && f.name.endsWith('s')) accepted[f.name.slice(0, -1)] = `same as ${f.name}`;
        }
      }
    }
    const orderArg = root.args.find((a) => a.name === 'orderBy');
    const orderType = orderArg ? getNamedType(orderArg.type) : null;
    if (orderType && isInputObjectType(orderType)) {
      const fieldType = orderType.getFields()['field'];
      accepted['orderBy'] = `FIELD or FIELD:ASC|DESC, FIELD ${fieldType ? describeInput(fieldType.type) : ''}`.trim();
    }
    const operation = `query Export${type.name}(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')}) {
      ${root.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')}) {
        edges { node { ${selectionFor(nodeType)} } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    out.set(root.name, { root, nodeType, operation, accepted });
  }
  return out;
}

function connectionVariables(spec: ConnectionExport, params: Params): Record<string, unknown> {
  checkKnown(params, spec.accepted);
  const filterArg = spec.root.args.find((a) => a.name === 'filter');
  const filterType = filterArg ? getNamedType(filterArg.type) : null;
  const filter: Row = {};
  if (filterType && isInputObjectType(filterType)) {
    for (const [name, raw] of Object.entries(params)) {
      if (name === 'limit' || name === 'orderBy') continue;
      const [head, sub] = name.split('.', 2) as [string, string | undefined];
      const field = filterType.getFields()[head] ?? filterType.getFields()[`${head}s`];
      if (!field) continue;
      if (sub !== undefined) {
        const inner = getNamedType(field.type);
        const subField = isInputObjectType(inner) ? inner.getFields()[sub] : undefined;
        if (!subField) continue;
        filter[field.name] = { ...((filter[field.name] as Row | undefined) ?? {}), [sub]: coerce(subField.type, raw, name, spec.accepted) };
      } else {
        filter[field.name] = coerce(field.type, raw, name, spec.accepted);
      }
    }
  }
  const variables: Row = {};
  if (Object.keys(filter).length > 0) variables['filter'] = filter;
  const order = one(params, 'orderBy', spec.accepted);
  if (order !== undefined) {
    const [field, direction] = order.split(':', 2);
    variables['orderBy'] = { field: field?.toUpperCase(), ...(direction ? { direction: direction.toUpperCase() } : {}) };
  }
  return variables;
}

// ---------------------------------------------------------------- router

/** The export routes, run against the same executable schema as /graphql. */
export function createExportRouter(deps: AppDeps, schema: GraphQLSchema): Router {
  const { config, logger } = deps;
  const log = logger.child({ component: 'export' });
  const connections = connectionExports(schema);

  // Every page of one export shares one query context, so all of them read the same dataset versions.
  const exportScope = new AsyncLocalStorage<QueryContext>();

  async function run(operation: string, variables: Row, accepted: Record<string, string>): Promise<Row> {
    const query: QueryContext = exportScope.getStore() ?? { operationName: 'export', timeoutMs: config.neo4j.queryTimeoutMs };
    const result = await graphql({ schema, source: operation, variableValues: variables, contextValue: createContext(deps, log, query) });
    const error = result.errors?.[0];
    if (error) {
      // No path: the request itself was wrong (a variable of the wrong type or enum value).
      const code = String(error.extensions?.['code'] ?? (error.path === undefined ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'));
      if (code === 'INTERNAL_SERVER_ERROR') {
        log.error({ err: error.originalError ?? error }, 'export failed');
        throw new ExportError(500, code, 'Internal server error: the error was logged on the server.');
      }
      const status = code === 'NOT_FOUND' ? 404 : ['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT', 'DATASET_CHANGED'].includes(code) ? 503 : 400;
      throw new ExportError(status, code, error.message, status === 400 ? { parameters: accepted } : undefined);
    }
    return (result.data ?? {}) as Row;
  }

  const analytics: Record<string, { accepted: Record<string, string>; handle: (p: Params, format: Format) => Promise<{ json: unknown; rows: Row[] }> }> = {
    path: {
      accepted: {
        from: 'required: id of the start node',
        to: 'required: id of the end node',
        maxHops: 'hop bound, 1 to 10 (default 6)',
        all: 'true for every shortest path (default false)',
        relationshipTypes: 'comma-separated relationship types (default: any)',
        limit: 'the most paths, 1 to 50 (default 10)',
      },
      async handle(p) {
        const a = analytics['path']!.accepted;
        checkKnown(p, a);
        const data = await run(
          `query ExportPath($from: ID!, $to: ID!, $maxHops: Int, $all: Boolean, $relationshipTypes: [RelationshipType!], $limit: Int) {
            shortestPath(from: $from, to: $to, maxHops: $maxHops, all: $all, relationshipTypes: $relationshipTypes, limit: $limit) {
              from { id name } to { id name } maxHops truncated
              paths { length nodes { __typename id name } relationships { id type startId endId direction properties provenance { section quote } } }
            }
          }`,
          {
            from: required(one(p, 'from', a), 'from', a),
            to: required(one(p, 'to', a), 'to', a),
            maxHops: int(p, 'maxHops', a) ?? 6,
            all: bool(p, 'all', a) ?? false,
            relationshipTypes: list(p, 'relationshipTypes') ?? null,
            limit: int(p, 'limit', a) ?? 10,
          },
          a,
        );
        const result = data['shortestPath'] as { paths: { nodes: Row[]; relationships: Row[] }[] };
        const rows = result.paths.flatMap((path, i) =>
          path.nodes.map((node, step) => {
            const rel = path.relationships[step];
            return {
              path: i + 1,
              step,
              nodeId: node['id'],
              nodeName: node['name'],
              nodeType: node['__typename'],
              nextRelationship: rel?.['type'] ?? null,
              nextRelationshipId: rel?.['id'] ?? null,
              nextDirection: rel?.['direction'] ?? null,
              nextProperties: rel ? JSON.stringify(rel['properties']) : null,
            };
          }),
        );
        return { json: result, rows };
      },
    },
    neighbourhood: {
      accepted: {
        id: 'required: id of the centre node',
        depth: 'hops out, 1 to 3 (default 1)',
        relationshipTypes: 'comma-separated relationship types (default: any)',
        limit: 'the most nodes, 1 to 500 (default 100)',
        part: 'CSV only: nodes (default) or relationships',
      },
      async handle(p, format) {
        const a = analytics['neighbourhood']!.accepted;
        checkKnown(p, a);
        const part = one(p, 'part', a) ?? 'nodes';
        if (part !== 'nodes' && part !== 'relationships') throw new ExportError(400, 'BAD_USER_INPUT', 'part: nodes or relationships.', { parameters: a });
        if (format === 'json' && p['part']) throw new ExportError(400, 'BAD_USER_INPUT', 'part applies to CSV only: JSON holds nodes and relationships.', { parameters: a });
        const data = await run(
          `query ExportNeighbourhood($id: ID!, $depth: Int, $relationshipTypes: [RelationshipType!], $limit: Int) {
            neighbourhood(id: $id, depth: $depth, relationshipTypes: $relationshipTypes, limit: $limit) {
              centre { id name } depth truncated
              nodes { distance node { __typename id name } }
              relationships { id type startId endId direction properties start { name } end { name } provenance { section quote } }
            }
          }`,
          {
            id: required(one(p, 'id', a), 'id', a),
            depth: int(p, 'depth', a) ?? 1,
            relationshipTypes: list(p, 'relationshipTypes') ?? null,
            limit: int(p, 'limit', a) ?? 100,
          },
          a,
        );
        const result = data['neighbourhood'] as { nodes: { distance: number; node: Row }[]; relationships: Row[] };
        const rows =
          part === 'nodes'
            ? result.nodes.map((n) => ({ distance: n.distance, id: n.node['id'], name: n.node['name'], type: n.node['__typename'] }))
            : result.relationships.map((r) => ({
                id: r['id'],
                type: r['type'],
                startId: r['startId'],
                startName: (r['start'] as Row | null)?.['name'] ?? null,
                endId: r['endId'],
                endName: (r['end'] as Row | null)?.['name'] ?? null,
                direction: r['direction'],
                properties: JSON.stringify(r['properties']),
                section: (r['provenance'] as Row)['section'],
              }));
        return { json: result, rows };
      },
    },
    timeline: {
      accepted: {
        from: 'earliest date, YYYY, YYYY-MM or YYYY-MM-DD',
        to: 'latest date, YYYY, YYYY-MM or YYYY-MM-DD',
        kinds: 'comma-separated event kinds (default: all)',
        limit: 'the most events, 1 to 2000 (default 500)',
      },
      async handle(p) {
        const a = analytics['timeline']!.accepted;
        checkKnown(p, a);
        const data = await run(
          `query ExportTimeline($from: PartialDate, $to: PartialDate, $kinds: [TimelineEventKind!], $limit: Int) {
            timeline(from: $from, to: $to, kinds: $kinds, limit: $limit) {
              truncated
              events { kind date { value precision } subject { id name } related { id name } agreement { id name } description provenance { section quote } }
            }
          }`,
          { from: one(p, 'from', a) ?? null, to: one(p, 'to', a) ?? null, kinds: list(p, 'kinds') ?? null, limit: int(p, 'limit', a) ?? 500 },
          a,
        );
        const result = data['timeline'] as { events: Row[] };
        return { json: result, rows: result.events.map((e) => flatten(e)) };
      },
    },
  };

  const available = () => ({
    connections: Object.fromEntries([...connections].map(([name, c]) => [name, c.accepted])),
    ...Object.fromEntries(Object.entries(analytics).map(([name, a]) => [name, a.accepted])),
  });

  const router = Router();

  router.get('/', (_req, res) => {
    res.json({ formats: FORMATS, exports: available() });
  });

  router.get('/:file', async (req: Request, res: Response) => {
    // A dataset reload committed between the export's reads: run it again (src/neo4j/consistency.ts).
    for (let run = 1; ; run++) {
      const query: QueryContext = { operationName: 'export', timeoutMs: config.neo4j.queryTimeoutMs };
      if (!(await exportScope.run(query, () => answer(req, res, run < 4)))) return;
    }
  });

  /** Answers one export request; true when it should run again from the start. */
  async function answer(req: Request, res: Response, mayRetry: boolean): Promise<boolean> {
    try {
      const file = String(req.params['file'] ?? '');
      const dot = file.lastIndexOf('.');
      const name = dot > 0 ? file.slice(0, dot) : file;
      const format = (dot > 0 ? file.slice(dot + 1) : '') as Format;
      if (!FORMATS.includes(format)) {
        throw new ExportError(400, 'BAD_USER_INPUT', `"${file.slice(0, 60)}": name the format as .csv or .json, e.g. /export/agreements.csv.`, { formats: FORMATS });
      }
      const params = paramsOf(req);
      let json: unknown;
      let rows: Row[];
      const connection = connections.get(name);
      const special = analytics[name];
      if (connection) {
        const variables = connectionVariables(connection, params);
        const limit = int(params, 'limit', connection.accepted) ?? DEFAULT_ROWS;
        if (limit < 1 || limit > MAX_ROWS) throw new ExportError(400, 'BAD_USER_INPUT', `limit: 1 to ${MAX_ROWS} rows.`, { parameters: connection.accepted });
        const nodes: Row[] = [];
        let after: string | null = null;
        let more = true;
        while (more && nodes.length < limit) {
          const data = await run(connection.operation, { ...variables, first: Math.min(PAGE, limit - nodes.length), after }, connection.accepted);
          const page = data[connection.root.name] as { edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          nodes.push(...page.edges.map((e) => e.node));
          more = page.pageInfo.hasNextPage;
          after = page.pageInfo.endCursor;
        }
        json = { [name]: nodes, count: nodes.length, truncated: more };
        rows = nodes.map((n) => flatten(n));
      } else if (special) {
        ({ json, rows } = await special.handle(params, format));
      } else {
        throw new ExportError(404, 'NOT_FOUND', `No export named "${name.slice(0, 60)}".`, { exports: available(), formats: FORMATS });
      }
      if (format === 'json') {
        res.type('application/json; charset=utf-8').send(JSON.stringify(json));
      } else {
        res
          .type('text/csv; charset=utf-8')
          .set('content-disposition', `attachment; filename="${name}.csv"`)
          .send(toCsv(rows));
      }
    } catch (error) {
      if (error instanceof ExportError && error.code === 'DATASET_CHANGED' && mayRetry) return true;
      if (error instanceof ExportError) {
        res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.accepted ? { accepted: error.accepted } : {}) } });
        return false;
      }
      log.error({ err: error }, 'export failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error: the error was logged on the server.' } });
    }
    return false;
  }

  return router;
}

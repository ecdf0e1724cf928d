/**
 * The GraphQL IDE: our own GraphiQL 5 page (ide/, bundled by src/ide/build.ts), served by this API
 * with no CDN, so it works on a network with no internet. Shown when a browser asks for /graphql
 * (a share link `/graphql?query=…&variables=…` opens it prefilled; a GraphQL client's GET with the
 * same query still gets JSON). The saved example operations open as tabs: they are the files of
 * `operations/`, the same ones the typed client is generated from and the tests run.
 *
 * Also here: `/` redirects to the IDE, and the schema downloads `/schema.graphql` (SDL) and
 * `/schema.json` (introspection), which follow the INTROSPECTION setting.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type Request, type Router } from 'express';
import { introspectionFromSchema, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { ensureIdeBuild, type IdeBuild } from '../ide/build.js';
import type { Logger } from '../logger.js';

export const OPERATIONS_DIR = fileURLToPath(new URL('../../operations', import.meta.url));
export const IDE_ASSETS_PATH = '/ide/assets';

/** The questions the API answers best come first; any other operation file follows, by name. */
const TAB_ORDER = [
  'who-chairs-firearms',
  'meeting-page',
  'plan-lineage',
  'partner-agreements',
  'agreement-detail',
  'agreements-table',
  'search',
  'structure-as-of',
  'shortest-path',
];

export interface ExampleOperation {
  /** The file name without `.graphql`, e.g. `who-chairs-firearms`. */
  name: string;
  /** The operation text as written in the file, comments included. */
  query: string;
}

/**
 * A browser navigating to /graphql gets the IDE; a GraphQL client (which asks for JSON, or for
 * anything) gets GraphQL, even for a GET with a `query`.
 */
export function wantsIde(req: Request): boolean {
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/** The example operations of `operations/`, in tab order. */
export function loadExampleOperations(dir: string = OPERATIONS_DIR): ExampleOperation[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
  } catch {
    return [];
  }
  const rank = (name: string) => {
    const i = TAB_ORDER.indexOf(name);
    return i === -1 ? TAB_ORDER.length : i;
  };
  return files
    .map((f) => ({ name: f.slice(0, -'.graphql'.length), query: readFileSync(path.join(dir, f), 'utf8') }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export interface IdeOptions {
  schema: GraphQLSchema;
  /** Schema downloads follow the INTROSPECTION setting. */
  introspection: boolean;
  logger: Logger;
  /** The example operations to open as tabs (default: the files of `operations/`). */
  examples?: ExampleOperation[];
}

const TITLE = 'Border graph API';
/** JSON that is safe inside a `<script>` element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const strongEtag = (body: string | Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function renderPage(build: IdeBuild, examples: ExampleOperation[], introspection: boolean): string {
  const asset = (file: string) => `${IDE_ASSETS_PATH}/${file}`;
  const config = {
    endpoint: '/graphql',
    title: TITLE,
    tabs: examples,
    workers: { editor: asset(build.workers.editor), json: asset(build.workers.json), graphql: asset(build.workers.graphql) },
    ...(introspection ? { schema: { sdl: '/schema.graphql', json: '/schema.json' } } : {}),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(build.css)}">
<link rel="modulepreload" href="${asset(build.app)}">
<script id="ide-config" type="application/json">${scriptJson(config)}</script>
<script type="module" src="${asset(build.app)}"></script>
</head>
<body><div id="graphiql"><noscript>The GraphQL IDE needs JavaScript. GraphQL clients can POST to /graphql.</noscript></div></body>
</html>
`;
}

/** The IDE page, its assets, `/` → /graphql, and the schema downloads; mounted before /graphql. */
export async function createIdeRouter(options: IdeOptions): Promise<Router> {
  const { schema, introspection, logger } = options;
  const router = express.Router();
  // Only this router's answers are compressed (GraphQL responses are left as Apollo sends them).
  const compress = compression();
  const ideOnly: express.RequestHandler = (req, _res, next) => next(wantsIde(req) ? undefined : 'route');
  router.get('/', (_req, res) => res.redirect(302, '/graphql'));

  const sorted = lexicographicSortSchema(schema);
  const sdl = printSchema(sorted);
  const introspectionJson = JSON.stringify({ data: introspectionFromSchema(sorted) }, null, 2);
  const schemaFile = (body: string, type: string, name: string) => (req: Request, res: express.Response) => {
    if (!introspection) {
      res.status(404).type('text/plain').send('The schema is not published here: introspection is off on this server (INTROSPECTION=false).\n');
      return;
    }
    res.set({ ETag: strongEtag(body), 'Cache-Control': 'no-cache', 'Content-Disposition': `inline; filename="${name}"` }).type(type);
    if (req.fresh) res.status(304).end();
    else res.send(body);
  };
  router.get('/schema.graphql', compress, schemaFile(sdl, 'text/plain; charset=utf-8', 'schema.graphql'));
  router.get('/schema.json', compress, schemaFile(introspectionJson, 'application/json; charset=utf-8', 'schema.json'));

  let build: IdeBuild | undefined;
  try {
    build = await ensureIdeBuild();
  } catch (error) {
    logger.error({ err: error }, 'the IDE could not be built (npx tsx src/ide/build.ts); /graphql still answers GraphQL clients');
  }
  if (!build) {
    router.get('/graphql', ideOnly, (_req, res) => {
      res.status(503).type('text/plain').send('The IDE is not built on this server (run `npx tsx src/ide/build.ts`). GraphQL clients can POST to /graphql.\n');
    });
    return router;
  }
  // Hashed file names: a file's content never changes, so browsers keep it for a year.
  router.use(IDE_ASSETS_PATH, compress, express.static(build.dir, { immutable: true, maxAge: '365d', index: false, fallthrough: false }));

  const page = renderPage(build, options.examples ?? loadExampleOperations(), introspection);
  const etag = strongEtag(page);
  router.get('/graphql', ideOnly, compress, (req, res) => {
    res.set({ ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept' }).type('html');
    if (req.fresh) res.status(304).end();
    else res.send(page);
  });
  return router;
}

/**
 * The GraphQL IDE: GraphiQL rendered as one self-contained page (scripts, styles, editor workers
 * and favicon inline), so it works on a network with no internet. Shown when a browser asks for
 * /graphql. The saved example operations open as tabs: they are the files of `operations/`, the
 * same ones the typed client is generated from and the tests run, so they never rot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request } from 'express';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

export const OPERATIONS_DIR = fileURLToPath(new URL('../../operations', import.meta.url));

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

export function wantsIde(req: Request): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') && req.query['query'] === undefined && req.query['documentId'] === undefined;
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
    .map((f) => {
      const query = readFileSync(path.join(dir, f), 'utf8');
      // The page embeds the tabs in an inline script, which `</script` would end early.
      if (/<\/script/i.test(query)) throw new Error(`operations/${f}: "</script" cannot appear in an example operation`);
      return { name: f.slice(0, -'.graphql'.length), query };
    })
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export interface IdeOptions {
  /** The example operations to open as tabs (default: the files of `operations/`). */
  examples?: ExampleOperation[];
}

const pages = new Map<string, string>();

export function renderIde(options: IdeOptions = {}): string {
  const examples = options.examples ?? loadExampleOperations();
  const key = JSON.stringify(examples.map((e) => e.name));
  let page = pages.get(key);
  if (page === undefined) {
    page = renderGraphiQL({
      endpoint: '/graphql',
      title: 'Border graph API',
      // Each example is a tab; its variables have defaults in the operation, so every tab runs as is.
      defaultTabs: examples.map((e) => ({ query: e.query })),
      defaultEditorToolsVisibility: true,
      // The page is served by this API, and the IDE never needs the network beyond it.
      credentials: 'same-origin',
    } as never);
    page = withHistoryPlugin(page);
    pages.set(key, page);
  }
  return page;
}


/**
 * Yoga's GraphiQL wrapper passes `plugins: [explorer]`, which replaces GraphiQL's default plugin
 * list and so drops the History pane. The history plugin is in the bundle; add it back next to the
 * explorer. Names are the minifier's, so they are found, not assumed; if this version of the bundle
 * does not match, the page is served unchanged (and the browser test, which looks for History, fails).
 */
function withHistoryPlugin(html: string): string {
  const history = /const ([A-Za-z_$][\w$]*)=\{title:"History",icon:/.exec(html)?.[1];
  const plugins = /plugins:\[([A-Za-z_$][\w$]*)\],schemaDescription:!0/g;
  const matches = [...html.matchAll(plugins)];
  if (!history || matches.length !== 1) return html;
  return html.replace(plugins, (_m, explorer: string) => `plugins:[${explorer},${history}],schemaDescription:!0`);
}

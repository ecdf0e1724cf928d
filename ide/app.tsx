/**
 * The IDE page's script: GraphiQL 5 (React 19, Monaco) with the explorer and history plugins, the
 * saved operations of `operations/` as tabs, and a few tools (download the schema, copy as cURL,
 * share link, response status/time/size). Bundled by src/ide/build.ts; the server writes the
 * configuration into the page (`<script id="ide-config">`).
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { ToolbarButton, useGraphiQL } from '@graphiql/react';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './ide.css';
import { EditorBehaviour, PrettifyButton, prettifyQuery } from './editor-tools.js';
import { initialTabs, parseStored, type SavedOperation, type SharedRequest } from './tabs.js';
import { createFetcher, curlCommand, formatStats, onResponseStats, operationNameFor, parseEditorJson, shareLink, type ResponseStats } from './request.js';

interface IdeConfig {
  endpoint: string;
  title: string;
  tabs: SavedOperation[];
  workers: { editor: string; json: string; graphql: string };
  /** Schema downloads (absent while introspection is off). */
  schema?: { sdl: string; json: string };
}

const config = JSON.parse(document.getElementById('ide-config')!.textContent!) as IdeConfig;
const endpointUrl = new URL(config.endpoint, location.href).href;

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const url = label === 'json' ? config.workers.json : label === 'graphql' ? config.workers.graphql : config.workers.editor;
    return new Worker(url);
  },
};

// The tab state is decided here (see tabs.ts) and handed to GraphiQL through its storage.
const TAB_KEY = 'graphiql:tabState';
const params = new URLSearchParams(location.search);
const sharedQuery = params.get('query');
const shared: SharedRequest | undefined = sharedQuery ? { query: sharedQuery, variables: params.get('variables') } : undefined;
const state = initialTabs(config.tabs, parseStored(safeGet(TAB_KEY)), shared);
safeSet(TAB_KEY, JSON.stringify(state));
if (shared) history.replaceState(null, '', location.pathname);
const active = state.tabs[state.activeTabIndex]!;

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the IDE still opens, without remembering tabs.
  }
}

/**
 * Local storage, minus the separately stored "last query" that GraphiQL would turn into an extra tab,
 * and without GraphiQL's own writes of the tab state: it writes each change half a second later, as
 * the tabs were at that change, so a write of an older change could land after a newer one and a
 * reload would open on the older tab. TabSaver writes the tab state instead, at once.
 */
const hidden = new Set(['graphiql:query', 'graphiql:variables', 'graphiql:headers']);
const storage = {
  getItem: (key: string) => (hidden.has(key) ? null : safeGet(key)),
  setItem: (key: string, value: string) => {
    if (key !== TAB_KEY) safeSet(key, value);
  },
  removeItem: (key: string) => {
    try {
      localStorage.removeItem(key);
    } catch {
      // ignore
    }
  },
  clear: () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('graphiql:')) localStorage.removeItem(key);
  },
  get length() {
    return Object.keys(localStorage).filter((k) => k.startsWith('graphiql:')).length;
  },
};

function toast(message: string): void {
  const el = document.createElement('div');
  el.className = 'ide-toast';
  el.setAttribute('role', 'status');
  el.textContent = message;
  document.body.append(el);
  setTimeout(() => el.remove(), 2500);
}

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} copied to the clipboard`);
  } catch {
    window.prompt(`Copy the ${what.toLowerCase()}:`, text);
  }
}

function RequestTools() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const operationName = useGraphiQL((s) => s.operationName);
  const current = () => {
    const query = queryEditor?.getValue() ?? '';
    const variablesText = variableEditor?.getValue() ?? '';
    return { query, variablesText, variables: parseEditorJson(variablesText, 'variables'), headers: parseEditorJson(headerEditor?.getValue(), 'request headers') };
  };
  const guard = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) => toast((error as Error).message));
  };
  return (
    <>
      <ToolbarButton
        label="Copy as cURL"
        className="ide-tool"
        onClick={guard(async () => {
          const { query, variables, headers } = current();
          await copy(curlCommand(endpointUrl, { query, variables, operationName: operationNameFor(query, operationName) }, headers), 'cURL command');
        })}
      >
        <span aria-hidden="true">cURL</span>
      </ToolbarButton>
      <ToolbarButton
        label="Copy share link"
        className="ide-tool"
        onClick={guard(async () => {
          const { query, variablesText } = current();
          await copy(shareLink(endpointUrl, query, variablesText), 'Share link');
        })}
      >
        <span aria-hidden="true">Link</span>
      </ToolbarButton>
      {config.schema && (
        <>
          <a className="ide-tool-link" href={config.schema.sdl} download="schema.graphql" title="Download the schema (SDL)">
            SDL
          </a>
          <a className="ide-tool-link" href={config.schema.json} download="schema.json" title="Download the schema (introspection JSON)">
            JSON
          </a>
        </>
      )}
    </>
  );
}

/**
 * Saves the tabs and the active one when they change, before the browser shows the change (the
 * only writer of the tab state: see `storage`), so a reload right after picking a tab opens on it.
 */
function TabSaver() {
  const tabs = useGraphiQL((s) => s.tabs);
  const activeTabIndex = useGraphiQL((s) => s.activeTabIndex);
  const keepHeaders = useGraphiQL((s) => s.shouldPersistHeaders);
  useLayoutEffect(() => {
    const stored = tabs.map((t) => ({ ...t, hash: null, response: null, headers: keepHeaders ? t.headers : null }));
    safeSet(TAB_KEY, JSON.stringify({ activeTabIndex, tabs: stored }));
  }, [tabs, activeTabIndex, keepHeaders]);
  return null;
}

function Stats() {
  const [stats, setStats] = useState<ResponseStats | undefined>();
  useEffect(() => onResponseStats(setStats), []);
  return (
    <div className="ide-stats" data-testid="response-stats" aria-live="polite">
      {stats ? formatStats(stats) : 'Run a request (Ctrl-Enter or ▶)'}
    </div>
  );
}

function Ide() {
  return (
    <GraphiQL
      fetcher={createFetcher(config.endpoint) as never}
      storage={storage}
      defaultTabs={config.tabs.map((t) => ({ query: t.query }))}
      initialQuery={active.query ?? ''}
      initialVariables={active.variables ?? undefined}
      plugins={[HISTORY_PLUGIN, explorerPlugin()]}
      defaultEditorToolsVisibility={true}
      onPrettifyQuery={prettifyQuery}
    >
      <GraphiQL.Logo>{config.title}</GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ copy: copyQuery, merge }) => (
          <>
            <PrettifyButton />
            {merge}
            {copyQuery}
            <RequestTools />
          </>
        )}
      </GraphiQL.Toolbar>
      <GraphiQL.Footer>
        <Stats />
        <TabSaver />
        <EditorBehaviour />
      </GraphiQL.Footer>
    </GraphiQL>
  );
}

document.title = config.title;
createRoot(document.getElementById('graphiql')!).render(<Ide />);

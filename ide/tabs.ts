/**
 * The IDE's tab state, decided before GraphiQL mounts, in the shape GraphiQL keeps in local storage
 * (`graphiql:tabState`). GraphiQL's own start-up merges a separately stored "last query" into the
 * tabs and, when it does not match a tab exactly, opens an extra untitled tab at the end of the
 * bar: this module decides instead, so the IDE opens on the tab the user last used, or on the first
 * saved example, or on the shared query of a `?query=` link.
 */

/** A tab as GraphiQL stores it. */
export interface StoredTab {
  id: string;
  hash: string | null;
  title: string;
  query: string | null;
  variables: string | null;
  headers: string | null;
  operationName: string | null;
  response: string | null;
}

export interface TabsState {
  tabs: StoredTab[];
  activeTabIndex: number;
}

export interface SavedOperation {
  name: string;
  query: string;
}

export interface SharedRequest {
  query: string;
  variables: string | null;
}

function operationName(query: string | null): string | null {
  return query ? (/^(?!#).*(?:query|subscription|mutation)\s+([A-Za-z0-9_]+)/m.exec(query)?.[1] ?? null) : null;
}

let counter = 0;
function newId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${counter}`;
}

export function createTab(query: string, variables: string | null = null): StoredTab {
  const name = operationName(query);
  return { id: newId(), hash: null, title: name ?? '<untitled>', query, variables, headers: null, operationName: name, response: null };
}

function isTab(value: unknown): value is StoredTab {
  if (!value || typeof value !== 'object') return false;
  const t = value as Record<string, unknown>;
  const strOrNull = (k: string) => t[k] === null || typeof t[k] === 'string';
  return typeof t['id'] === 'string' && typeof t['title'] === 'string' && ['query', 'variables', 'headers', 'operationName', 'response'].every(strOrNull);
}

export function parseStored(raw: string | null): TabsState | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { tabs?: unknown; activeTabIndex?: unknown };
    if (!Array.isArray(parsed.tabs) || !parsed.tabs.every(isTab) || typeof parsed.activeTabIndex !== 'number') return undefined;
    return { tabs: parsed.tabs as StoredTab[], activeTabIndex: parsed.activeTabIndex };
  } catch {
    return undefined;
  }
}

const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The tabs to open: the stored ones (the user's edits kept), every saved operation that has no tab
 * (by operation name) added, empty untitled tabs dropped, and the active tab the stored one, or
 * the shared request's (found or added), or else the first.
 */
export function initialTabs(saved: SavedOperation[], stored: TabsState | undefined, shared?: SharedRequest): TabsState {
  const tabs = (stored?.tabs ?? []).filter((t) => normalise(t.query) !== '');
  let active = stored ? Math.max(0, tabs.indexOf(stored.tabs[stored.activeTabIndex]!)) : 0;
  const names = new Set(tabs.map((t) => t.operationName ?? operationName(t.query)));
  for (const op of saved) {
    const name = operationName(op.query);
    if (name !== null && names.has(name)) continue;
    tabs.push(createTab(op.query));
    names.add(name);
  }
  if (shared && normalise(shared.query) !== '') {
    const index = tabs.findIndex((t) => normalise(t.query) === normalise(shared.query) && normalise(t.variables) === normalise(shared.variables));
    if (index >= 0) active = index;
    else {
      tabs.push(createTab(shared.query, shared.variables));
      active = tabs.length - 1;
    }
  }
  if (tabs.length === 0) tabs.push(createTab('{\n  __typename\n}\n'));
  return { tabs, activeTabIndex: Math.min(Math.max(active, 0), tabs.length - 1) };
}

/**
 * Prettify and the query editor's look:
 * - the formatter: Prettier's standalone build with its GraphQL plugin (parser and printer) bundled, which
 *   GraphiQL's default leaves unresolved in a bundle ("Couldn't resolve parser graphql");
 * - its shortcut, Shift-Alt-F (VS Code's "Format Document"): GraphiQL's Shift-Ctrl-P is bound to the Meta key
 *   outside macOS, so pressed as shown it opens the browser's print dialog. Caught before the editors and the
 *   browser see it, wherever the focus is;
 * - long lines, such as each saved operation's question comment, wrap inside the query editor.
 */
import { useEffect } from 'react';
import { PrettifyIcon, ToolbarButton, useGraphiQL, useGraphiQLActions } from '@graphiql/react';

export const PRETTIFY_SHORTCUT = 'Shift-Alt-F';

/** Formats an operation with Prettier's GraphQL printer (loaded on first use, as a chunk of its own). */
export async function prettifyQuery(query: string): Promise<string> {
  const [prettier, graphql] = await Promise.all([import('prettier/standalone'), import('prettier/plugins/graphql')]);
  return prettier.format(query, { parser: 'graphql', plugins: [graphql] });
}

const isPrettifyKey = (e: KeyboardEvent) => e.shiftKey && e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyF';

export function PrettifyButton() {
  const { prettifyEditors } = useGraphiQLActions();
  return (
    <ToolbarButton onClick={() => void prettifyEditors()} label={`Prettify query (${PRETTIFY_SHORTCUT})`}>
      <PrettifyIcon className="graphiql-toolbar-icon" aria-hidden="true" />
    </ToolbarButton>
  );
}

/** The prettify shortcut anywhere on the page, and wrapped lines in the query editor. */
export function EditorBehaviour() {
  const { prettifyEditors } = useGraphiQLActions();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPrettifyKey(e)) return;
      e.preventDefault();
      e.stopPropagation();
      void prettifyEditors();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [prettifyEditors]);
  useEffect(() => {
    queryEditor?.updateOptions({ wordWrap: 'on', wrappingIndent: 'same' });
  }, [queryEditor]);
  return null;
}

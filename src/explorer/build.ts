/**
 * Bundles the explorer's page (src/explorer/page/: its script with cytoscape, cytoscape-svg and fCoSE, and its
 * stylesheet) with esbuild, in memory, the first time /explore is asked for (a server that never serves the
 * explorer pays nothing). File names carry a hash of their content, so browsers may keep them for a year.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface ExplorerAsset {
  /** The file name, e.g. `explorer-1a2b3c4d5e6f.js`. */
  name: string;
  type: string;
  body: Buffer;
}

export interface ExplorerBundle {
  script: ExplorerAsset;
  style: ExplorerAsset;
}

const PAGE = fileURLToPath(new URL('./page/', import.meta.url));

async function build(): Promise<ExplorerBundle> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { explorer: `${PAGE}main.ts`, style: `${PAGE}explorer.css` },
    bundle: true,
    minify: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const file = (ext: string, type: string): ExplorerAsset => {
    const out = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!out) throw new Error(`the explorer bundle has no ${ext} file`);
    const body = Buffer.from(out.contents);
    return { name: `explorer-${createHash('sha256').update(body).digest('hex').slice(0, 12)}${ext}`, type, body };
  };
  return { script: file('.js', 'text/javascript; charset=utf-8'), style: file('.css', 'text/css; charset=utf-8') };
}

let pending: Promise<ExplorerBundle> | undefined;

/** The bundle, built once per process (a failed build is tried again on the next request). */
export function explorerBundle(): Promise<ExplorerBundle> {
  pending ??= build().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

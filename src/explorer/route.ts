/**
 * The graph explorer at /explore: one page, its script and its stylesheet (src/explorer/page/, bundled with
 * cytoscape and fCoSE by build.ts: no CDN, it works with no internet). Everything is compressed (gzip or
 * brotli, as the browser accepts); the script and stylesheet have hashed names and are kept by browsers for a
 * year, the page is revalidated (ETag). The page has no inline script, event handler or style attribute, so
 * a strict Content-Security-Policy (scripts and styles from the same origin) holds. It talks to /graphql
 * only, with the explorer's operations of operations/explorer/ exactly as the trusted-documents manifest
 * holds them, so it works with TRUSTED_DOCUMENTS=require.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import compression from 'compression';
import { Router, type Request, type Response } from 'express';
import { explorerBundle, type ExplorerBundle } from './build.js';

const TEMPLATE = new URL('./assets/explorer.html', import.meta.url);
const MANIFEST = new URL('../generated/client/persisted-documents.json', import.meta.url);
export const EXPLORER_ASSETS = '/explore/assets';

/** The explorer's operations (name → document text), taken from the trusted-documents manifest. */
export function explorerOperations(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const text of Object.values(manifest)) {
    const name = /\bquery (Explorer\w+)/.exec(text)?.[1];
    if (name) out[name] = text;
  }
  return out;
}

/** JSON that is safe inside a `<script type="application/json">` block. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function renderPage(bundle: ExplorerBundle, operations: Record<string, string>): string {
  const fill: Record<string, string> = {
    css: `${EXPLORER_ASSETS}/${bundle.style.name}`,
    js: `${EXPLORER_ASSETS}/${bundle.script.name}`,
    operations: scriptJson(operations),
  };
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_m, key: string) => fill[key] ?? '');
}

export function createExplorerRouter(): Router {
  const router = Router();
  router.use(compression());
  let page: { body: string; etag: string } | undefined;
  const unavailable = (res: Response, error: unknown) =>
    void res.status(503).type('text/plain').send(`The explorer could not be built on this server: ${(error as Error).message}\n`);

  router.get('/', async (req: Request, res: Response) => {
    try {
      if (!page) {
        const body = renderPage(await explorerBundle(), explorerOperations());
        page = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      }
    } catch (error) {
      return unavailable(res, error);
    }
    res.set({ ETag: page.etag, 'Cache-Control': 'no-cache' }).type('html');
    if (req.fresh) res.status(304).end();
    else res.send(page.body);
  });
  router.get('/assets/:name', async (req: Request<{ name: string }>, res: Response) => {
    let bundle: ExplorerBundle;
    try {
      bundle = await explorerBundle();
    } catch (error) {
      return unavailable(res, error);
    }
    const asset = [bundle.script, bundle.style].find((a) => a.name === req.params.name);
    if (!asset) return void res.status(404).type('text/plain').send('No such explorer asset (the page names the current ones: reload /explore).\n');
    res.set('Cache-Control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body);
  });
  return router;
}

/**
 * The graph explorer at /explore: one page and its script, with cytoscape and cytoscape-svg served from
 * node_modules (no CDN: it works with no internet). The page talks to /graphql only, with the explorer's
 * operations of operations/ exactly as the trusted-documents manifest holds them, so it works with
 * TRUSTED_DOCUMENTS=require.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Router } from 'express';

const require = createRequire(import.meta.url);
const asset = (name: string) => new URL(`./assets/${name}`, import.meta.url);
const MANIFEST = new URL('../generated/client/persisted-documents.json', import.meta.url);

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

export function createExplorerRouter(): Router {
  const files = {
    page: readFileSync(asset('explorer.html'), 'utf8'),
    script: readFileSync(asset('explorer.js'), 'utf8'),
    cytoscape: readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8'),
    svg: readFileSync(require.resolve('cytoscape-svg/cytoscape-svg.js'), 'utf8'),
    operations: JSON.stringify(explorerOperations()),
  };
  const router = Router();
  const js = 'text/javascript; charset=utf-8';
  router.get('/', (_req, res) => void res.type('html').send(files.page));
  router.get('/explorer.js', (_req, res) => void res.type(js).send(files.script));
  router.get('/assets/cytoscape.min.js', (_req, res) => void res.type(js).set('cache-control', 'public, max-age=86400').send(files.cytoscape));
  router.get('/assets/cytoscape-svg.js', (_req, res) => void res.type(js).set('cache-control', 'public, max-age=86400').send(files.svg));
  router.get('/operations.json', (_req, res) => void res.type('application/json').send(files.operations));
  return router;
}

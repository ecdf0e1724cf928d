/**
 * Builds the React example into examples/react/dist/ (git-ignored): index.html and one bundled main.js.
 *
 *   npx tsx examples/react/build.ts     then serve examples/react/dist/ and open index.html?api=<the API's /graphql>
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const EXAMPLE_DIST = path.join(HERE, 'dist');

export async function buildReactExample(): Promise<string> {
  mkdirSync(EXAMPLE_DIST, { recursive: true });
  await esbuild.build({
    entryPoints: { main: path.join(HERE, 'src/main.tsx') },
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    target: 'es2022',
    outdir: EXAMPLE_DIST,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  copyFileSync(path.join(HERE, 'index.html'), path.join(EXAMPLE_DIST, 'index.html'));
  return EXAMPLE_DIST;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`built ${path.relative(process.cwd(), await buildReactExample())}\n`);
}

/**
 * Builds the IDE page's script, styles and editor workers (ide/, GraphiQL 5 on React 19) with
 * esbuild into `.ide-build/<stamp>/`, git-ignored, with content-hashed file names. The stamp
 * hashes the sources and the versions of the packages bundled, so a build is reused until one of
 * them changes. `npm ci` runs it (postinstall), and the server runs it on start when it is missing.
 *
 *   npx tsx src/ide/build.ts       build unless up to date; prints the folder
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = path.join(ROOT, 'ide');
export const IDE_BUILD_DIR = path.join(ROOT, '.ide-build');
const BUNDLED = ['graphiql', '@graphiql/react', '@graphiql/plugin-explorer', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql', 'prettier', 'esbuild'];

export interface IdeBuild {
  /** The folder the files below are in. */
  dir: string;
  /** File names (in `dir`) of the page's script and stylesheet, and of the three editor workers. */
  app: string;
  css: string;
  workers: { editor: string; json: string; graphql: string };
}

function stamp(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(SOURCES).sort()) hash.update(file).update(readFileSync(path.join(SOURCES, file)));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const name of BUNDLED) {
    const pkg = path.join(ROOT, 'node_modules', name, 'package.json');
    hash.update(`${name}@${existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : 'missing'}`);
  }
  return hash.digest('hex').slice(0, 16);
}

function read(dir: string): IdeBuild | undefined {
  try {
    return { ...(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Omit<IdeBuild, 'dir'>), dir };
  } catch {
    return undefined;
  }
}

async function build(outdir: string): Promise<void> {
  const esbuild = await import('esbuild');
  const common = { bundle: true, minify: true, write: true, outdir, logLevel: 'warning', legalComments: 'none', target: 'es2022', define: { 'process.env.NODE_ENV': '"production"' } } as const;
  const workers = await esbuild.build({
    ...common,
    entryPoints: {
      editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
      json: 'monaco-editor/esm/vs/language/json/json.worker.js',
      graphql: 'monaco-graphql/esm/graphql.worker.js',
    },
    format: 'iife',
    entryNames: 'worker-[name]-[hash]',
    metafile: true,
    absWorkingDir: ROOT,
  });
  const app = await esbuild.build({
    ...common,
    entryPoints: { app: path.join(SOURCES, 'app.tsx') },
    format: 'esm',
    // Code loaded on demand (the prettifier, the JSON language) is split into chunks of its own.
    splitting: true,
    jsx: 'automatic',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.ttf': 'file' },
    metafile: true,
    absWorkingDir: ROOT,
  });
  const outputs = (meta: { outputs: Record<string, { entryPoint?: string }> }) => Object.keys(meta.outputs).map((o) => path.basename(o));
  const workerFiles = outputs(workers.metafile);
  const worker = (name: string) => workerFiles.find((f) => f.startsWith(`worker-${name}-`) && f.endsWith('.js'))!;
  const appFiles = outputs(app.metafile);
  const manifest: Omit<IdeBuild, 'dir'> = {
    app: appFiles.find((f) => f.startsWith('app-') && f.endsWith('.js'))!,
    css: appFiles.find((f) => f.startsWith('app-') && f.endsWith('.css'))!,
    workers: { editor: worker('editor'), json: worker('json'), graphql: worker('graphql') },
  };
  writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

/** The current build, built first when it is missing or stale (a few seconds). */
export async function ensureIdeBuild(): Promise<IdeBuild> {
  const dir = path.join(IDE_BUILD_DIR, stamp());
  const existing = read(dir);
  if (existing) return existing;
  // Several processes (test workers) may build at once: each builds aside and the first rename wins.
  const tmp = path.join(IDE_BUILD_DIR, `tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  try {
    await build(tmp);
    try {
      renameSync(tmp, dir);
    } catch (error) {
      if (!read(dir)) throw error;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Older builds are of no use once a newer one exists.
  for (const entry of readdirSync(IDE_BUILD_DIR)) {
    if (entry !== path.basename(dir) && !entry.startsWith('tmp-')) rmSync(path.join(IDE_BUILD_DIR, entry), { recursive: true, force: true });
  }
  const built = read(dir);
  if (!built) throw new Error(`the IDE build in ${dir} has no manifest`);
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await ensureIdeBuild();
  process.stdout.write(`IDE built in ${path.relative(ROOT, built.dir)} (${Date.now() - started} ms)\n`);
}

/**
 * Runs Neo4j's offline bulk importer (`neo4j-admin database import full`, from the neo4j-import-tool jar the
 * local Neo4j's Maven project already resolves) into a staging Neo4j home of its own: the live store is never
 * written by it. Strict: any bad entry (a duplicate id, a relationship to a missing node) fails the import.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureLauncherBuilt, LAUNCHER_DIR } from '../../local-neo4j/local-neo4j.js';
import { ARRAY_DELIMITER_OPTION, type ImportFiles } from './csv-files.js';

export class BulkImportError extends Error {
  override name = 'BulkImportError';
}

export interface ImportToolOptions {
  /** The staging Neo4j home; the store is written to `<home>/data/databases/neo4j` and `<home>/data/transactions/neo4j`. */
  home: string;
  files: ImportFiles;
  /** Importer JVM heap (default 2048 MB) and off-heap memory (default 2G). */
  heapMb?: number;
  offHeap?: string;
  progress?: (line: string) => void;
}

export const IMPORT_DATABASE = 'neo4j';

/** The importer's arguments (exported for the docs and the tests). */
export function importArguments(files: ImportFiles, offHeap = '2G'): string[] {
  return [
    'database',
    'import',
    'full',
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    '--verbose',
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--strict=true',
    '--normalize-types=false',
    ...(files.multiline ? ['--multiline-fields=true'] : []),
    `--max-off-heap-memory=${offHeap}`,
    '--overwrite-destination=true',
    IMPORT_DATABASE,
  ];
}

/** Imports `files` into a fresh store under `home`; rejects with the importer's own last lines on failure. */
export async function runImportTool(options: ImportToolOptions): Promise<void> {
  const progress = options.progress ?? (() => undefined);
  ensureLauncherBuilt(progress);
  const classpath = readFileSync(path.join(LAUNCHER_DIR, 'target', 'classpath.txt'), 'utf8').trim();
  await rm(options.home, { recursive: true, force: true });
  const conf = path.join(options.home, 'conf');
  await mkdir(conf, { recursive: true });
  await writeFile(path.join(conf, 'neo4j.conf'), '# staging home for one bulk import\n');
  const args = [`-Xmx${options.heapMb ?? 2048}m`, '-cp', classpath, 'org.neo4j.cli.AdminTool', ...importArguments(options.files, options.offHeap)];
  // neo4j-admin finds its home and configuration in these two variables; `env` adds them to the inherited ones.
  const child = spawn('env', [`NEO4J_HOME=${options.home}`, `NEO4J_CONF=${conf}`, 'java', ...args], {
    cwd: options.home,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const found: ImportFailure = {};
  // Whole lines only: a chunk may end inside one ("… COMPLETED in" | "4s 583ms").
  const pending = { stdout: '', stderr: '' };
  const line = (text: string) => {
    // --verbose prints Java stack traces: they are read for the failing input, not shown.
    if (/^\s+(at |\.\.\. \d+ more)/.test(text)) return;
    noteFailure(found, text);
    tail = `${tail}${text}\n`.slice(-3000);
    if (text.trim()) progress(`import: ${text.trimEnd()}`);
  };
  const relay = (stream: keyof typeof pending) => (chunk: Buffer) => {
    const lines = (pending[stream] + chunk.toString()).split(/\r?\n/);
    pending[stream] = lines.pop() ?? '';
    lines.forEach(line);
  };
  child.stdout.on('data', relay('stdout'));
  child.stderr.on('data', relay('stderr'));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new BulkImportError(`could not run java for the bulk import: ${error.message}`)));
    child.once('close', (c) => resolve(c));
  });
  for (const rest of Object.values(pending)) if (rest.trim()) line(rest);
  if (code !== 0) {
    const refused = describeFailure(found);
    throw new BulkImportError(
      refused
        ? `the bulk import refused ${refused}; nothing was changed.`
        : `the bulk import failed (exit ${code}); nothing was changed. Its last output:\n${tail.trim()}`,
    );
  }
}

/** What the importer's --verbose output says of the input it refused. */
export interface ImportFailure {
  file?: string;
  line?: number;
  reason?: string;
}

/** Reads one line of the importer's output into `found` (the first failing input only). */
export function noteFailure(found: ImportFailure, text: string): void {
  const source = /data source: \S+\[source:([^,\]]+), position:\d+, line:(\d+)\]/.exec(text);
  if (source && found.file === undefined) {
    found.file = source[1];
    // The importer counts lines from 0.
    found.line = Number(source[2]) + 1;
  }
  const reason = /original error: (.+)$/.exec(text);
  if (reason && found.reason === undefined) found.reason = reason[1]!.trim();
}

/** `<file> line <n> (record <key>): <reason>`, the record's key read back from the CSV file; undefined when unknown. */
export function describeFailure(found: ImportFailure): string | undefined {
  if (found.file === undefined) return undefined;
  let record: string | undefined;
  try {
    const rows = parseCsv(readFileSync(found.file, 'utf8'), { relax_column_count: true, info: true, bom: true }) as unknown as { record: string[]; info: { lines: number } }[];
    const header = rows[0]?.record ?? [];
    const row = rows.find((r) => r.info.lines === found.line)?.record;
    const at = (name: string) => header.findIndex((h) => h === name || h.startsWith(`${name}:`));
    const key = row?.[at('key')] || row?.[at(':ID')];
    const ends = row && at(':START_ID') !== -1 ? `${row[at(':START_ID')]} → ${row[at(':END_ID')]}` : undefined;
    record = key || ends;
  } catch {
    // The file is gone or unreadable: its name and line are still said.
  }
  return `${path.basename(found.file)} line ${found.line}${record ? ` (record ${record})` : ''}: ${found.reason ?? 'bad input'}`;
}

/**
 * The trusted documents the server knows: the repository's own manifest (codegen's
 * persisted-documents.json) plus one manifest per client app in a folder (TRUSTED_DOCUMENTS_DIR,
 * `<app>.json`), so a team adds its operations without a change to the server's code. The folder
 * is looked at again at most once a second while requests come in, so a new or changed manifest
 * is used without a restart; a manifest that cannot be read is logged and skipped (the others keep
 * working), and at start-up the repository's own manifest must be readable.
 *
 * Formats read (each maps an id to a document text):
 * - `{ "<id>": "<document>" }`: the client preset's persisted-documents.json (`sha256:<hex>` ids)
 *   and Relay's persisted-queries file (its own ids, e.g. md5 hex);
 * - Apollo's persisted-query manifest, `{ "format": "apollo-persisted-query-manifest",
 *   "operations": [{ "id", "body" }] }`.
 *
 * Besides its ids, each document is known by the sha256 of graphql's `print` of it (the hash
 * Apollo Client's persisted-queries link sends for a document it did not change).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import type { Logger } from '../logger.js';

export interface ManifestDocument {
  text: string;
  /** The app (manifest file name without `.json`) that sent it. */
  app: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `sha256:<hex>` in lower case; a bare 64-hex id (Apollo's sha256Hash) gets the prefix. */
export function normaliseId(id: string): string {
  const trimmed = id.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(trimmed) ? `sha256:${trimmed}` : trimmed;
}

/** Reads one manifest file (either format); throws with the file's name on anything malformed. */
export function readManifestFile(file: string): Map<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`trusted documents: cannot read the manifest ${file}: ${(error as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`trusted documents: ${file} is not an object of id → document`);
  const entries: [string, unknown][] =
    (raw as { format?: unknown }).format === 'apollo-persisted-query-manifest'
      ? ((raw as { operations?: unknown }).operations as { id?: unknown; body?: unknown }[] | undefined ?? []).map((o) => [String(o.id), o.body])
      : Object.entries(raw);
  const manifest = new Map<string, string>();
  for (const [id, doc] of entries) {
    if (typeof doc !== 'string') throw new Error(`trusted documents: ${file}: the document of ${id} is not a string`);
    try {
      parse(doc, { noLocation: true });
    } catch (error) {
      throw new Error(`trusted documents: ${file}: the document ${id} does not parse: ${(error as Error).message}`);
    }
    manifest.set(normaliseId(id), doc);
  }
  return manifest;
}

export interface TrustedManifestsOptions {
  /** The repository's own manifest (required, read once). */
  manifest: string;
  /** The folder of per-app manifests (optional; may be missing or empty). */
  dir?: string;
  logger?: Logger;
  /** How often the folder may be looked at again (ms). */
  recheckMs?: number;
  /** Called with every document whenever the set changes (to index it further). */
  onChange?: (documents: readonly ManifestDocument[]) => void;
}

export class TrustedManifests {
  private byId = new Map<string, ManifestDocument>();
  private own: Map<string, string>;
  private signature = '';
  private checkedAt = 0;

  constructor(private readonly options: TrustedManifestsOptions) {
    this.own = readManifestFile(options.manifest);
    this.refresh(true);
  }

  /** The document of an id (`documentId`, a Relay id, or an APQ hash), in any manifest. */
  get(id: string): ManifestDocument | undefined {
    this.refresh();
    return this.byId.get(normaliseId(id));
  }

  /** Every app's manifest, re-read when a file in the folder was added, changed or removed. */
  refresh(force = false): void {
    const now = Date.now();
    if (!force && now - this.checkedAt < (this.options.recheckMs ?? 1000)) return;
    this.checkedAt = now;
    const files = this.appFiles();
    const signature = files.map((f) => `${f.file}:${f.mtimeMs}:${f.size}`).join('|');
    if (!force && signature === this.signature) return;
    this.signature = signature;
    const byId = new Map<string, ManifestDocument>();
    const add = (manifest: Map<string, string>, app: string) => {
      for (const [id, text] of manifest) {
        const doc = { text, app };
        if (!byId.has(id)) byId.set(id, doc);
        const printed = `sha256:${sha256(print(parse(text, { noLocation: true })))}`;
        if (!byId.has(printed)) byId.set(printed, doc);
      }
    };
    add(this.own, 'operations');
    for (const { file, app } of files) {
      try {
        add(readManifestFile(file), app);
      } catch (error) {
        this.options.logger?.error({ err: error, app }, 'trusted documents: a client app manifest was skipped');
      }
    }
    this.byId = byId;
    this.options.logger?.info({ apps: ['operations', ...files.map((f) => f.app)], documents: byId.size }, 'trusted documents: manifests loaded');
    this.options.onChange?.([...new Set(byId.values())]);
  }

  private appFiles(): { file: string; app: string; mtimeMs: number; size: number }[] {
    const dir = this.options.dir;
    if (!dir) return [];
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const file = path.join(dir, name);
      try {
        const stat = statSync(file);
        return [{ file, app: name.slice(0, -'.json'.length), mtimeMs: stat.mtimeMs, size: stat.size }];
      } catch {
        return [];
      }
    });
  }
}

/**
 * The trusted-documents manifest codegen writes (no database, no server): it holds exactly the operations of
 * operations/, matches documents by their canonical form, and the setting's defaults. The server's use of it:
 * trusted-documents.test.ts.
 */
import path from 'node:path';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadExampleOperations, OPERATIONS_DIR } from '../../src/http/ide.js';
import { canonicalDocument, loadManifest } from '../../src/http/trusted-documents.js';

const MANIFEST = 'src/generated/client/persisted-documents.json';

describe('the manifest', () => {
  it('holds every operation of operations/, and nothing else (it is not stale)', () => {
    const manifest = loadManifest(MANIFEST);
    const canonicalManifest = new Set([...manifest.values()].map((d) => canonicalDocument(parse(d))));
    // The IDE's example tabs (operations/) and the explorer's own operations (operations/explorer/).
    const examples = [...loadExampleOperations(), ...loadExampleOperations(path.join(OPERATIONS_DIR, 'explorer'))];
    expect(examples.length).toBeGreaterThanOrEqual(13);
    for (const example of examples) expect(canonicalManifest.has(canonicalDocument(parse(example.query))), example.name).toBe(true);
    expect(manifest.size).toBe(examples.length);
    for (const id of manifest.keys()) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('matches documents regardless of formatting, comments and field order, but not a different selection', () => {
    const a = canonicalDocument(parse('query Q($b: Int, $a: ID!) { x(b: $b, a: $a) { z y } w }'));
    const b = canonicalDocument(parse('# comment\nquery Q($a: ID!, $b: Int) {\n  w\n  x(a: $a, b: $b) { y\n z } }'));
    const c = canonicalDocument(parse('query Q($a: ID!, $b: Int) { w x(a: $a, b: $b) { y } }'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('is off by default in development and test, and accepts ids (allow) by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).trustedDocuments.mode).toBe('off');
    expect(loadConfig({ NODE_ENV: 'test' }).trustedDocuments.mode).toBe('off');
    expect(loadConfig({ NODE_ENV: 'production' }).trustedDocuments.mode).toBe('allow');
    expect(loadConfig({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'require' }).trustedDocuments.mode).toBe('require');
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'sometimes' })).toThrow(/TRUSTED_DOCUMENTS/);
  });
});

/**
 * The client package's changelog (packages/client-schema/CHANGELOG.md): it starts with the first release, which
 * says what that release holds (not a diff against an older schema, which read as removals), and every later
 * version's entry is written from the schema diff against the release before it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR, withEntry } from '../../scripts/build-client-package.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const v1 = buildSchema(`
  "A thing." type Thing { "Its id." id: ID! "Its name." name: String! "Its age." age: Int }
  type Query { "Things." things: [Thing!]! }`);
const v2 = buildSchema(`
  "A thing." type Thing { "Its id." id: ID! "Its name." name: String! "Its colour." colour: String }
  type Query { "Things." things: [Thing!]! }`);

describe('the client package changelog', () => {
  it('starts with the first release, saying what it holds', async () => {
    const text = await withEntry(null, '0.1.0', v2, v1);
    const entries = text.split(/^## /m).slice(1);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^0\.1\.0\n\nFirst release: the schema \(2 object types\)/);
    expect(entries[0]).toContain('Queries: `things`.');
    expect(entries[0]).not.toMatch(/removed|Breaking/);
  });

  it('writes each later version from the schema diff against the last release, newest first, once', async () => {
    const first = await withEntry(null, '0.1.0', v1, v1);
    const second = await withEntry(first, '0.2.0', v1, v2);
    expect(second.indexOf('## 0.2.0')).toBeLessThan(second.indexOf('## 0.1.0'));
    const entry = second.slice(second.indexOf('## 0.2.0'), second.indexOf('## 0.1.0'));
    expect(entry).toMatch(/### Breaking\n\n- Field 'age' was removed from object type 'Thing'/);
    expect(entry).toMatch(/### Added and changed\n\n- Field 'colour' was added to object type 'Thing'/);
    expect(await withEntry(second, '0.2.0', v1, v2)).toBe(second);
    expect(await withEntry(second, '0.3.0', v2, v2)).toMatch(/## 0\.3\.0\n\nNo schema changes\./);
  });

  it('as committed: one entry per version, the oldest the first release', () => {
    const text = readFileSync(path.join(PACKAGE_DIR, 'CHANGELOG.md'), 'utf8');
    const versions = [...text.matchAll(/^## (\S+)/gm)].map((m) => m[1]);
    const { version } = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
    expect(versions[0]).toBe(version);
    expect(new Set(versions).size).toBe(versions.length);
    const oldest = text.slice(text.lastIndexOf('\n## '));
    expect(oldest).toMatch(/First release: the schema/);
    expect(oldest).not.toMatch(/was removed/);
    expect(path.relative(ROOT, PACKAGE_DIR)).toBe('packages/client-schema');
  });
});

/** docs/extending.md names real files: every repository path it names exists (the toy type's own files excepted). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/extending.md`, 'utf8');

describe('docs/extending.md', () => {
  it('every file it names exists', () => {
    const paths = [...doc.matchAll(/`([\w.-]+(?:\/[\w.-]+)+)`/g)].map((m) => m[1]!).filter((p) => !/checkpoint/i.test(p));
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !existsSync(`${root}${p}`))).toEqual([]);
  });

  it('counts at most 9 hand-edited files for an entity type, and lists as many as it counts', () => {
    const section = doc.split('## Add an entity type: ')[1]!.split('\n## ')[0]!;
    const count = Number(/^(\d+) hand-edited files/.exec(section)?.[1]);
    const rows = section.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(count).toBeLessThanOrEqual(9);
    expect(rows).toHaveLength(count);
  });
});

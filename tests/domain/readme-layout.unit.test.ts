/** README.md's layout names every folder of src/: a new folder is described where newcomers look first. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const layout = readme.split('\n## Layout\n')[1]!.split('\n## ')[0]!;

describe('README layout', () => {
  it('lists every folder of src/ (as `  name/` under src/)', () => {
    const folders = readdirSync(new URL('../../src/', import.meta.url), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((f) => !new RegExp(`^  ${f}/`, 'm').test(layout))).toEqual([]);
  });
});

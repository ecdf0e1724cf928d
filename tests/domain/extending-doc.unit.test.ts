/**
 * docs/extending.md against the code: every repository path it names exists (the toy type's own files excepted),
 * and the count of hand-edited files it gives for a new entity type is computed here, from where the lines of the
 * existing root types really are, not taken from the page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONNECTION_LABELS, ENTITY_TYPES, type NodeLabel } from '../../src/domain/vocabulary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/extending.md`, 'utf8');

/** The repository's hand-edited files (generated code, snapshots and fixtures left out), relative to its root. */
function filesUnder(dir: string): string[] {
  return readdirSync(`${root}${dir}`, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath.slice(root.length)}/${e.name}`.replace(/^\/+/, ''))
    .filter((p) => !/^src\/generated\/|__snapshots__|^tests\/fixtures\//.test(p));
}
const FILES = ['src', 'schema', 'seeds', 'cypher', 'docs', 'tests'].flatMap(filesUnder);
const text = new Map<string, string>();
const read = (p: string): string => text.get(p) ?? (text.set(p, readFileSync(`${root}${p}`, 'utf8')), text.get(p)!);

/**
 * Where one entity type's own lines live, each checked by a test or the build when missing: the file(s) and the
 * line that names the type. A new type with a kind, navigation fields and a root list needs one file of each.
 * Derived, so not places: its `Entity` fields and stored properties (src/resolvers/index.ts and GraphQL's default
 * resolver), its kind index (cypher/schema/040-entity-type-kind.cypher, one per label), its explorer look (the
 * palette's next, src/explorer/page/node-style.ts).
 */
const PLACES: { what: string; files: RegExp; line: (label: NodeLabel) => RegExp }[] = [
  { what: 'vocabulary entry', files: /^src\/domain\/vocabulary\.ts$/, line: (l) => new RegExp(`^\\s+${l}: \\{ keyPrefix:`, 'm') },
  { what: 'seed format', files: /^src\/seed\/schemas\.ts$/, line: (l) => new RegExp(`^\\s+${l}: z\\.`, 'm') },
  { what: 'GraphQL type', files: /^schema\/[\w-]+\.graphql$/, line: (l) => new RegExp(`^type ${l} implements`, 'm') },
  { what: 'navigation declarations', files: /^src\/domain\/navigation\.ts$/, line: (l) => new RegExp(`^\\s+${l}: \\{`, 'm') },
  { what: 'seed records', files: /^seeds\/japan-customs-2016\/[\w-]+\.yaml$/, line: (l) => new RegExp(`\\blabel: ${l}(,|$)`, 'm') },
  { what: 'graph model row', files: /^docs\/graph-model\.md$/, line: (l) => new RegExp(`^\\| \`${l}\``, 'm') },
  { what: 'its test', files: /^tests\/.+\.test\.ts$/, line: (l) => new RegExp(`\\b${ENTITY_TYPES[l].root}\\(`) },
];

/** The places an existing type's lines are in, with the file of each. */
const placesOf = (label: NodeLabel) =>
  PLACES.flatMap((p) => {
    const file = FILES.find((f) => p.files.test(f) && p.line(label).test(read(f)));
    return file ? [{ what: p.what, file }] : [];
  });

/** The number the page gives and the rows of its table, for an entity type. */
function entitySection(): { count: number; rows: string[] } {
  const section = doc.split('## Add an entity type: ')[1]!.split('\n## ')[0]!;
  const count = Number(/^(\d+) hand-edited files/.exec(section)?.[1]);
  return { count, rows: section.split('\n').filter((l) => /^\| \d+ \|/.test(l)) };
}

describe('docs/extending.md', () => {
  it('every file it names exists', () => {
    const paths = [...doc.matchAll(/`([\w.-]+(?:\/[\w.-]+)+)`/g)].map((m) => m[1]!).filter((p) => !/checkpoint|NNN/i.test(p));
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !existsSync(`${root}${p}`))).toEqual([]);
  });

  it('gives the count of hand-edited files a root type of the vocabulary has its lines in, one table row per place', () => {
    const counts = CONNECTION_LABELS.map((label) => placesOf(label).length);
    const needed = Math.max(...counts);
    // Every place holds the lines of some type: none is listed for nothing.
    expect(PLACES.filter((p) => !CONNECTION_LABELS.some((l) => placesOf(l).some((h) => h.what === p.what))).map((p) => p.what)).toEqual([]);
    const { count, rows } = entitySection();
    expect(count).toBe(needed);
    expect(rows).toHaveLength(count);
    // Each row's file (the toy type's name in it) is of one place, each place in one row.
    const files = rows.map((r) => /^\| \d+ \| `([^`]+)`/.exec(r)?.[1] ?? r);
    expect(PLACES.map((p) => files.filter((f) => p.files.test(f)).length)).toEqual(PLACES.map(() => 1));
  });

  it('gives the count with a relationship type of its own: the entity count plus the files only a relationship type needs', () => {
    // Where a relationship type's own lines are: its name, its properties, its value of the schema's enum.
    const relationshipPlaces = [/^export const RELATIONSHIP_TYPES = \[/m, /^export const RELATIONSHIP_PROPS\b/m, /^enum RelationshipType \{/m].map(
      (line) => FILES.find((f) => /\.(ts|graphql)$/.test(f) && !f.startsWith('tests/') && line.test(read(f)))!,
    );
    expect(relationshipPlaces.every(Boolean)).toBe(true);
    // Those already edited for the entity type (the single files of its places) add nothing.
    const entityFiles = PLACES.flatMap((p) => FILES.filter((f) => p.files.test(f)).length === 1 ? FILES.filter((f) => p.files.test(f)) : []);
    const extra = relationshipPlaces.filter((f) => !entityFiles.includes(f));
    const stated = Number(/with a relationship type of its own[\s\S]*?: (\d+) files in all/i.exec(doc)?.[1]);
    expect(stated).toBe(entitySection().count + extra.length);
    // The bound (issue 23): a new type with its own relationship type takes at most 8 hand-edited files.
    expect(stated).toBeLessThanOrEqual(8);
    // The experiment that measured it, by its commits, counted the same.
    const experiment = /toy\s+type\s+\w+\s+was\s+added\s+in\s+commit\s+`([0-9a-f]{7,40})`\s+\((\d+)\s+hand-edited\s+files\)\s+and\s+removed\s+in\s+`([0-9a-f]{7,40})`/.exec(doc);
    expect(experiment, 'the experiment and its commits').not.toBeNull();
    expect(Number(experiment![2])).toBe(stated);
  });

  it('no other file of src/ names every root type: a per-type table the checklist misses fails here', () => {
    const names = (label: NodeLabel) => new RegExp(`\\b(${label}|${ENTITY_TYPES[label].root})\\b`);
    const perType = FILES.filter((f) => f.startsWith('src/') && CONNECTION_LABELS.every((l) => names(l).test(read(f))));
    const listed = PLACES.map((p) => p.files);
    // A hand-chosen export table replaces the default (src/exports/default-table.ts); FILTERS entries are for
    // filters beyond `kinds` and `nameContains`: both optional, and the page says so.
    // A chosen explorer look replaces the palette's next one (src/explorer/page/node-style.ts).
    const optional = ['src/exports/entity-tables.ts', 'src/services/filters.ts', 'src/explorer/page/node-style.ts'];
    expect(perType.filter((f) => !listed.some((p) => p.test(f)) && !optional.includes(f))).toEqual([]);
    for (const f of optional) expect(doc, f).toContain(f);
  });
});

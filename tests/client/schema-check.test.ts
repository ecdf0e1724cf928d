/**
 * Schema change safety (scripts/schema-check.ts): removing or changing a field fails the check
 * unless the released schema deprecated it first. Synthetic schemas, plus the real one against the
 * committed released schema.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchemaChange, currentSchema, schemaFromSdl, RELEASED_SCHEMA } from '../../scripts/schema-check.js';

function without(sdl: string, ...lines: RegExp[]): string {
  return lines.reduce((s, re) => s.replace(re, ''), sdl);
}

const releasedSdl = /* GraphQL */ `
  "A meeting."
  type Meeting {
    "Id."
    id: ID!
    "Name."
    name: String!
    "Old name of the chief."
    chiefName: String @deprecated(reason: "Use chief { name }.")
    "Short name."
    shortName: String
    "The chief."
    chief: Office
  }
  "An office."
  type Office {
    "Id."
    id: ID!
    "Name."
    name: String!
  }
  "Kinds."
  enum Kind {
    "A."
    A
    "B."
    B @deprecated(reason: "Gone soon.")
  }
  "Root."
  type Query {
    "A meeting."
    meeting("Id." id: ID!, "Old flag." legacy: Boolean @deprecated(reason: "Ignored.")): Meeting
    "Kinds."
    kinds: [Kind!]!
    "Old lookup."
    oldOffice: Office @deprecated(reason: "Use meeting { chief }.")
  }
`;

const released = schemaFromSdl(releasedSdl);

describe('scripts/schema-check.ts', () => {
  it('passes when nothing changed, and when a field is only added', async () => {
    expect((await checkSchemaChange(released, schemaFromSdl(releasedSdl))).breaking).toEqual([]);
    const added = releasedSdl.replace('"Short name."', '"Established."\n    established: String\n    "Short name."');
    const result = await checkSchemaChange(released, schemaFromSdl(added));
    expect(result.breaking).toEqual([]);
    expect(result.safe.map((c) => c.path)).toContain('Meeting.established');
  });

  it('fails on removing a field that was not deprecated', async () => {
    const current = schemaFromSdl(without(releasedSdl, /"Short name\."\s*shortName: String/));
    const result = await checkSchemaChange(released, current);
    expect(result.breaking.map((c) => c.path)).toEqual(['Meeting.shortName']);
    expect(result.breaking[0]!.message).toMatch(/shortName.*removed/);
  });

  it('fails on changing the type of a field that was not deprecated', async () => {
    const current = schemaFromSdl(releasedSdl.replace('name: String!\n    "Old name', 'name: String\n    "Old name'));
    const result = await checkSchemaChange(released, current);
    expect(result.breaking.map((c) => c.path)).toEqual(['Meeting.name']);
  });

  it('passes on removing a field, an argument and an enum value that were deprecated first', async () => {
    const current = schemaFromSdl(
      without(
        releasedSdl,
        /"Old name of the chief\."\s*chiefName: String @deprecated\(reason: "Use chief \{ name \}\."\)/,
        /, "Old flag\." legacy: Boolean @deprecated\(reason: "Ignored\."\)/,
        /"B\."\s*B @deprecated\(reason: "Gone soon\."\)/,
      ),
    );
    const result = await checkSchemaChange(released, current);
    expect(result.breaking).toEqual([]);
    expect(result.deprecatedRemovals.map((c) => c.path).sort()).toEqual(['Kind.B', 'Meeting.chiefName', 'Query.meeting.legacy']);
  });

  it('judges a removed type by its uses: fine when every use was deprecated, breaking otherwise', async () => {
    // Office is still used by Meeting.chief (not deprecated): removing it breaks.
    const withoutOffice = without(releasedSdl, /"An office\."\s*type Office \{[^}]*\}/, /"The chief\."\s*chief: Office/, /"Old lookup\."\s*oldOffice: Office @deprecated\(reason: "Use meeting \{ chief \}\."\)/);
    const result = await checkSchemaChange(released, schemaFromSdl(withoutOffice));
    expect(result.breaking.map((c) => c.path).sort()).toEqual(['Meeting.chief', 'Office']);
    expect(result.deprecatedRemovals.map((c) => c.path)).toEqual(['Query.oldOffice']);
  });

  it('the current schema has no unannounced breaking change against schema/released/schema.graphql', async () => {
    const result = await checkSchemaChange(schemaFromSdl(readFileSync(RELEASED_SCHEMA, 'utf8')), currentSchema());
    expect(result.breaking.map((c) => c.message)).toEqual([]);
  });

  it('as a command: exits 1 and names the field on a breaking change, 0 on a deprecated removal', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
    try {
      writeFileSync(path.join(dir, 'released.graphql'), releasedSdl);
      mkdirSync(path.join(dir, 'breaking'));
      writeFileSync(path.join(dir, 'breaking', 'schema.graphql'), without(releasedSdl, /"Short name\."\s*shortName: String/));
      mkdirSync(path.join(dir, 'announced'));
      writeFileSync(path.join(dir, 'announced', 'schema.graphql'), without(releasedSdl, /"Old name of the chief\."\s*chiefName: String @deprecated\(reason: "Use chief \{ name \}\."\)/));
      const run = (schemaDir: string) =>
        spawnSync('npx', ['tsx', 'scripts/schema-check.ts', '--released', path.join(dir, 'released.graphql'), '--schema', path.join(dir, schemaDir)], { encoding: 'utf8' });
      const breaking = run('breaking');
      expect(breaking.status).toBe(1);
      expect(breaking.stdout).toMatch(/shortName.*Meeting\.shortName/);
      expect(breaking.stdout).toMatch(/FAILED/);
      const announced = run('announced');
      expect(announced.status).toBe(0);
      expect(announced.stdout).toMatch(/Removals of deprecated fields \(allowed\)[\s\S]*chiefName/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * Schema change safety (scripts/schema-check.ts): removing or changing a field fails the check
 * unless the released schema deprecated it first. Synthetic schemas, plus the real one against the
 * committed released schema. The command itself: schema-check-command.system.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSchemaChange, currentSchema, schemaFromSdl, RELEASED_SCHEMA } from '../../scripts/schema-check.js';
import { releasedSdl, without } from './schema-fixtures.js';

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
});

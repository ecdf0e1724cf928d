/**
 * The zod schemas of the seed format (docs/seed-format.md): value primitives, the properties each node
 * label and relationship type may carry, and the shapes of a record, a seed file and dataset.yaml.
 * src/seed/format.ts reads a dataset with them.
 */
import { z } from 'zod';
import { AGREEMENT_KINDS, EXTRA_LABELS, NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../domain/vocabulary.js';

const SEGMENT = '[a-z0-9]+(?:[-.][a-z0-9]+)*';
/** `<kind>:<slug>[:<slug>…]`, lower-case. */
export const KEY_PATTERN = new RegExp(`^[a-z]+(?:-[a-z]+)*(?::${SEGMENT})+$`);
const DATASET_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A partial ISO date: "1998", "1998-05" or "1998-05-14", with a real month and day. */
export function isPartialDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const date = z
  .string({ error: 'must be a quoted date string "YYYY", "YYYY-MM" or "YYYY-MM-DD"' })
  .refine(isPartialDate, { error: (iss) => `"${String(iss.input)}" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)` });
/** The longest name (and alias, title) a record may have; the seed's longest is 118 characters. */
export const MAX_NAME_LENGTH = 300;
/** The longest prose (a quote, a description, a note); the seed's longest is 439 characters. */
export const MAX_TEXT_LENGTH = 5_000;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The message for a control character: which one (never the text around it). */
function controlCharacter(pattern: RegExp, allowed: string) {
  return (iss: { input: unknown }) => {
    const found = String(iss.input).match(pattern)?.[0] ?? '';
    return `holds the control character U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; ${allowed}`;
  };
}

/** Prose: trimmed, 1 to MAX_TEXT_LENGTH characters, no control characters but tab and line breaks. */
const text = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`)
  .refine((v) => !CONTROL_IN_TEXT.test(v), { error: controlCharacter(CONTROL_IN_TEXT, 'text may hold tabs and line breaks, no other control character') });
/** A name, alias or title: one line of 1 to MAX_NAME_LENGTH characters, no control characters at all. */
const name = z
  .string()
  .trim()
  .min(1)
  .max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`)
  .refine((v) => !CONTROL_IN_NAME.test(v), { error: controlCharacter(CONTROL_IN_NAME, 'a name is one line of printable characters') });
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE code');
const key = z.string().regex(KEY_PATTERN, 'must look like "<kind>:<slug>" (lower-case, digits, "-", ".")');
const positiveInt = z.number().int().min(1);

const source = z.strictObject({
  section: text,
  quote: text.optional(),
  /** Present when the record is the project's reading of the text, not a statement of it: one line saying why. */
  reading: text.optional(),
});

/** schema/government.graphql's OfficeKind and OrganisationKind: a kind the schema cannot represent is refused at load (tests/domain/vocabulary.unit.test.ts). */
const OFFICE_KINDS = ['MINISTER', 'SECRETARY', 'DIRECTOR_GENERAL', 'DEPUTY_DIRECTOR_GENERAL', 'CHIEF', 'COMMANDANT', 'MANAGER', 'DIRECTOR', 'CHAIR', 'OTHER'] as const;
const ORGANISATION_KINDS = [
  ...['CABINET', 'SECRETARIAT', 'MINISTRY', 'AGENCY', 'COMMISSION', 'BUREAU', 'DEPARTMENT', 'DIVISION', 'CUSTOMS', 'CUSTOMS_OFFICE'],
  ...['CENTRE', 'OFFICE', 'ASSOCIATION', 'GROUP', 'INTERNATIONAL_BODY', 'COMMITTEE', 'POLICE', 'COAST_GUARD', 'OTHER'],
] as const;

/** Properties per node label: anything not listed here is a typo or an undocumented property. */
export const NODE_PROPS: Record<NodeLabel, z.ZodType<Record<string, unknown>>> = {
  Office: z.strictObject({ kind: z.enum(OFFICE_KINDS), established: date.optional(), description: text.optional() }),
  Organisation: z.strictObject({
    kind: z.enum(ORGANISATION_KINDS),
    established: date.optional(),
    dissolved: date.optional(),
    statedCount: positiveInt.optional(),
    description: text.optional(),
  }),
  Meeting: z.strictObject({
    kind: z.enum(['MINISTERIAL_MEETING', 'HEADQUARTERS', 'PROMOTION_MEETING', 'ENFORCEMENT_MEETING', 'CONFERENCE']),
    established: date.optional(),
    dissolved: date.optional(),
    firstConvened: date.optional(),
    basis: text.optional(),
    mission: text.optional(),
  }),
  Plan: z.strictObject({
    kind: z.enum(['STRATEGY', 'PLAN', 'OUTLINE', 'EMERGENCY_MEASURES', 'GUIDELINES']),
    adopted: date.optional(),
    periodYears: positiveInt.optional(),
    horizon: date.optional(),
    followUp: text.optional(),
    summary: text.optional(),
  }),
  MeasureCategory: z.strictObject({ ordinal: positiveInt }),
  Country: z.strictObject({ kind: z.enum(['COUNTRY', 'ECONOMY', 'UNION']) }),
  Capability: z.strictObject({
    kind: z.enum(['EQUIPMENT', 'SYSTEM', 'ANIMAL', 'VESSEL', 'CHANNEL', 'PRACTICE']),
    introduced: date.optional(),
    description: text.optional(),
    contact: text.optional(),
  }),
  Indicator: z.strictObject({ unit: text, measure: text, baseYear: z.number().int(), note: text.optional() }),
  Observation: z.strictObject({
    year: z.number().int().min(1000).max(9999),
    value: z.number(),
    index: z.number().optional(),
    preliminary: z.boolean(),
  }),
};

const span = { from: date.optional(), until: date.optional() };

/** Properties per relationship type. */
export const RELATIONSHIP_PROPS: Record<RelationshipType, z.ZodType<Record<string, unknown>>> = {
  CHAIRS: z.strictObject({ role: z.enum(['CHIEF', 'DEPUTY']) }),
  MEMBER_OF: z.strictObject(span),
  SUPERSEDES: z.strictObject({ on: date.optional() }),
  PART_OF: z.strictObject(span),
  ADOPTED: z.strictObject({ on: date.optional(), session: positiveInt.optional() }),
  APPROVED: z.strictObject({ on: date.optional() }),
  COVERS: z.strictObject({ ordinal: positiveInt }),
  ADMINISTERED_BY: z.strictObject(span),
  AGREEMENT: z.strictObject({
    agreementKey: key,
    kind: z.enum(AGREEMENT_KINDS),
    name,
    enacted: date.optional(),
    revisions: z.array(date).optional(),
    status: code.optional(),
    note: text.optional(),
    statedCount: positiveInt.optional(),
  }),
  HOSTED: z.strictObject(span),
  OPERATES: z.strictObject({ from: date.optional() }),
  LOCATED_IN: z.strictObject({}),
  COOPERATES_WITH: z.strictObject({ activities: z.array(text).min(1).optional() }),
  ORGANISES: z.strictObject({}),
  PARTICIPATES_IN: z.strictObject(span),
  HAS_OBSERVATION: z.strictObject({}),
  CONVENED: z.strictObject({ on: date.optional(), ordinal: positiveInt.optional() }),
  REPORTED_BY: z.strictObject({ role: z.enum(['PUBLISHES', 'CHECKS']), publication: text.optional() }),
};


export const nodeRecord = z.strictObject({
  key,
  label: z.enum(NODE_LABELS, { error: `must be one of ${NODE_LABELS.join(', ')}` }),
  extraLabels: z.array(z.enum(EXTRA_LABELS, { error: `extra labels may only be ${EXTRA_LABELS.join(', ')}` })).optional(),
  name,
  aliases: z.array(name).optional(),
  props: z.record(z.string(), z.unknown()).optional(),
  source,
});

export const relationshipRecord = z.strictObject({
  key,
  type: z.enum(RELATIONSHIP_TYPES, { error: `must be one of ${RELATIONSHIP_TYPES.join(', ')}` }),
  from: key,
  to: key,
  props: z.record(z.string(), z.unknown()).optional(),
  source,
});

export const seedFile = z.strictObject({
  nodes: z.array(z.unknown()).optional(),
  relationships: z.array(z.unknown()).optional(),
});

export const datasetFile = z.strictObject({
  id: z.string().regex(DATASET_ID_PATTERN, 'must be lower-case words joined by "-"'),
  title: name,
  source: z.strictObject({ file: name, publisher: name.optional(), asOf: date.optional() }),
});

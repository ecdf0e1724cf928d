/**
 * A synthetic dataset with the shape of the real graph, at any size: a home country (Japan's role)
 * with thousands of partners and agreements, ministries and agencies in PART_OF trees, offices and
 * ministers, meetings that offices chair and bodies sit on (in PART_OF trees and SUPERSEDES chains),
 * plans in deep SUPERSEDES chains (100 generations) adopted by meetings and covering measure
 * categories, capabilities, indicators and their yearly observations.
 *
 * The output is an ordinary dataset folder (dataset.yaml plus JSON data files, docs/seed-format.md),
 * so it goes through the real validator and the real loader. The same size and seed always give
 * the same records, byte for byte.
 *
 *   npx tsx bench/synthetic/generate.ts 100000 .bench/synthetic-100k
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runIfMain } from '../support/cli.js';

/** The share of the nodes each label gets (the home country aside); observations take the remainder. */
export const SHAPE = {
  Country: 0.005,
  Organisation: 0.05,
  Office: 0.15,
  Meeting: 0.1,
  Plan: 0.1,
  MeasureCategory: 0.35,
  Capability: 0.05,
  Indicator: 0.01,
} as const;

/** Generations in one plan SUPERSEDES chain (the lineage an analyst walks). */
export const PLAN_CHAIN_LENGTH = 100;
/** Meetings in one SUPERSEDES chain (a headquarters reorganised into a meeting, and so on). */
export const MEETING_CHAIN_LENGTH = 5;
/** Records per JSON file. */
export const RECORDS_PER_FILE = 50_000;
export const HOME_KEY = 'country:syn-home';

export const TOPICS = [
  'Firearms', 'Illicit Drugs', 'Smuggling', 'Terrorism', 'Counterfeit Goods', 'Stimulants', 'Cannabis', 'Gold',
  'Money Laundering', 'Wildlife Trafficking', 'Explosives', 'Cybercrime', 'Human Trafficking', 'Piracy',
  'Organised Crime', 'Narcotics', 'Precursor Chemicals', 'Endangered Species', 'Intellectual Property',
  'Illegal Immigration', 'Border Security', 'Maritime Security', 'Postal Smuggling', 'Air Cargo', 'Container Security',
  'Tobacco Smuggling', 'Liquor Tax Evasion', 'Cultural Property', 'Hazardous Waste', 'Weapons of Mass Destruction',
] as const;

const SYLLABLES = ['ka', 'no', 'ru', 'mi', 'sa', 'to', 'ha', 'ne', 'shi', 'ta', 'ko', 'yu', 'ri', 'ma', 'ze', 'fu', 'lo', 'be', 'vi', 'da'];
const ORG_KINDS = ['MINISTRY', 'AGENCY', 'BUREAU', 'CUSTOMS', 'OFFICE', 'COMMITTEE'];
const OFFICE_KINDS = ['MINISTER', 'DIRECTOR_GENERAL', 'CHIEF', 'SECRETARY', 'DIRECTOR'];
const MEETING_KINDS = ['MINISTERIAL_MEETING', 'HEADQUARTERS', 'PROMOTION_MEETING', 'ENFORCEMENT_MEETING', 'CONFERENCE'];
const PLAN_KINDS = ['STRATEGY', 'PLAN', 'OUTLINE', 'EMERGENCY_MEASURES', 'GUIDELINES'];
const CAPABILITY_KINDS = ['EQUIPMENT', 'SYSTEM', 'ANIMAL', 'VESSEL', 'CHANNEL', 'PRACTICE'];
const COUNTRY_KINDS = ['COUNTRY', 'COUNTRY', 'COUNTRY', 'COUNTRY', 'ECONOMY', 'UNION'];
const AGREEMENT_KINDS = ['CMAA', 'INTERGOVERNMENTAL', 'EPA', 'MOU'];
const MEASURES = ['Strict control at the border', 'Information exchange', 'Public awareness', 'Cooperation with partners', 'Prevention of abuse', 'Support for recovery', 'Research and development', 'Training of officers'];

type Props = Record<string, string | number | boolean | string[]>;
export interface SyntheticNode {
  key: string;
  label: string;
  extraLabels?: string[];
  name: string;
  aliases?: string[];
  props: Props;
  source: { section: string; quote?: string };
}
export interface SyntheticRelationship {
  key: string;
  type: string;
  from: string;
  to: string;
  props: Props;
  source: { section: string };
}

export interface SyntheticDataset {
  id: string;
  nodes: SyntheticNode[];
  relationships: SyntheticRelationship[];
  /** Keys the benchmark uses: a deep plan chain's newest plan, sample meetings and offices, … */
  samples: SyntheticSamples;
}

export interface SyntheticSamples {
  meetings: string[];
  offices: string[];
  /** The newest plan of a chain of PLAN_CHAIN_LENGTH generations. */
  chainHead: string;
  partner: string;
}

/** mulberry32: a small deterministic PRNG, so a size and a seed always give the same graph. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A human-looking size label: 10000 → "10k", 1000000 → "1m". */
export function sizeLabel(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

export function generateSynthetic(totalNodes: number, seed = 1): SyntheticDataset {
  if (!Number.isInteger(totalNodes) || totalNodes < 1_000) throw new Error(`a synthetic graph needs at least 1000 nodes (got ${totalNodes})`);
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // Region names: made-up words, enough of them that a name search is selective at every size.
  const regionCount = Math.max(50, Math.round(Math.sqrt(totalNodes) * 2));
  const regions = Array.from({ length: regionCount }, (_, i) => {
    let word = '';
    let x = i + 7 * regionCount;
    do {
      word += SYLLABLES[x % SYLLABLES.length];
      x = Math.floor(x / SYLLABLES.length);
    } while (x > 0);
    return capitalise(word);
  });
  const date = (fromYear: number, span: number) => {
    const y = fromYear + int(span);
    return random() < 0.3 ? String(y) : `${y}-${String(1 + int(12)).padStart(2, '0')}`;
  };

  const count = (share: number) => Math.max(1, Math.round(totalNodes * share));
  const counts = Object.fromEntries(Object.entries(SHAPE).map(([label, share]) => [label, count(share)])) as Record<keyof typeof SHAPE, number>;
  const observations = totalNodes - 1 - Object.values(counts).reduce((a, b) => a + b, 0);
  if (observations < counts.Indicator) throw new Error('shape shares leave too few observations');

  const nodes: SyntheticNode[] = [];
  const relationships: SyntheticRelationship[] = [];
  const source = { section: 'synthetic' };
  const node = (n: Omit<SyntheticNode, 'source'>) => nodes.push({ ...n, source });
  let relSerial = 0;
  const rel = (type: string, from: string, to: string, props: Props = {}) => {
    relSerial += 1;
    relationships.push({ key: `${type.toLowerCase().replace(/_/g, '-')}:syn-${relSerial}`, type, from, to, props, source });
  };
  const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}:syn-${i + 1}`);

  // The home country and its partners.
  node({ key: HOME_KEY, label: 'Country', name: 'Synthetic Home Country', aliases: ['Home'], props: { kind: 'COUNTRY' } });
  const countries = keys('country', counts.Country);
  countries.forEach((key, i) => node({ key, label: 'Country', name: `${regions[i % regionCount]} Republic ${i + 1}`, props: { kind: pick(COUNTRY_KINDS) } }));

  // Ministries and agencies: trees of 25 bodies (every body sits under one created before it).
  const organisations = keys('organisation', counts.Organisation);
  organisations.forEach((key, i) => {
    const topic = pick(TOPICS);
    const region = pick(regions);
    node({ key, label: 'Organisation', name: `${region} ${topic} ${capitalise(pick(ORG_KINDS).toLowerCase())}`, props: { kind: pick(ORG_KINDS), established: date(1950, 60) } });
    if (i % 25 !== 0) rel('PART_OF', key, organisations[Math.floor(i / 25) * 25 + int(i % 25)]!);
    rel('LOCATED_IN', key, HOME_KEY);
  });

  // Offices (posts), each part of a body; one in ten is a minister.
  const offices = keys('office', counts.Office);
  offices.forEach((key, i) => {
    const minister = i % 10 === 0;
    const org = organisations[i % organisations.length]!;
    node({
      key,
      label: 'Office',
      ...(minister ? { extraLabels: ['Minister'] } : {}),
      name: `${minister ? 'Minister for' : 'Director-General for'} ${pick(TOPICS)} (${pick(regions)} ${i + 1})`,
      props: { kind: minister ? 'MINISTER' : pick(OFFICE_KINDS.slice(1)) },
    });
    rel('PART_OF', key, org);
  });

  // Meetings: chaired by a chief and deputies, sat on by posts and bodies, administered by a body, in
  // PART_OF trees, and in SUPERSEDES chains (a reorganised meeting supersedes the one before it).
  const meetings = keys('meeting', counts.Meeting);
  meetings.forEach((key, i) => {
    const topic = pick(TOPICS);
    const established = date(1990, 30);
    node({
      key,
      label: 'Meeting',
      name: `${pick(regions)} Meeting for the Promotion of Measures against ${topic} ${i + 1}`,
      props: { kind: pick(MEETING_KINDS), established, mission: `To promote measures against ${topic.toLowerCase()}.` },
    });
    rel('CHAIRS', offices[int(offices.length)]!, key, { role: 'CHIEF' });
    for (let d = int(3); d > 0; d--) rel('CHAIRS', offices[int(offices.length)]!, key, { role: 'DEPUTY' });
    const members = new Set<string>();
    for (let m = 3 + int(3); m > 0; m--) members.add(random() < 0.7 ? offices[int(offices.length)]! : organisations[int(organisations.length)]!);
    for (const member of members) rel('MEMBER_OF', member, key, { from: established });
    rel('ADMINISTERED_BY', key, organisations[int(organisations.length)]!, { from: established });
    if (i % MEETING_CHAIN_LENGTH !== 0) rel('SUPERSEDES', key, meetings[i - 1]!, { on: established });
    else if (i > 0 && random() < 0.7) rel('PART_OF', key, meetings[int(i)]!);
  });

  // Plans in SUPERSEDES chains of PLAN_CHAIN_LENGTH generations, each adopted by a meeting and covering
  // a handful of measure categories.
  const plans = keys('plan', counts.Plan);
  const categories = keys('measure', counts.MeasureCategory);
  let nextCategory = 0;
  plans.forEach((key, i) => {
    const generation = (i % PLAN_CHAIN_LENGTH) + 1;
    const year = 1900 + generation;
    const topic = TOPICS[Math.floor(i / PLAN_CHAIN_LENGTH) % TOPICS.length]!;
    node({
      key,
      label: 'Plan',
      name: `${regions[Math.floor(i / PLAN_CHAIN_LENGTH) % regionCount]} ${topic} Strategy, generation ${generation}`,
      props: { kind: pick(PLAN_KINDS), adopted: `${year}-${String(1 + int(12)).padStart(2, '0')}`, periodYears: 1 + int(5) },
    });
    rel('ADOPTED', meetings[int(meetings.length)]!, key, { on: String(year) });
    if (generation > 1) rel('SUPERSEDES', key, plans[i - 1]!, { on: String(year) });
    // Categories are shared out evenly; the last plan takes what is left.
    const share = i === plans.length - 1 ? categories.length - nextCategory : Math.floor(((i + 1) * categories.length) / plans.length) - nextCategory;
    for (let c = 1; c <= share; c++) {
      const category = categories[nextCategory++]!;
      node({ key: category, label: 'MeasureCategory', name: `${pick(MEASURES)} (${topic}, ${c})`, props: { ordinal: c } });
      rel('COVERS', key, category, { ordinal: c });
    }
  });

  // Capabilities operated by bodies; indicators reported by bodies, with yearly observations.
  keys('capability', counts.Capability).forEach((key) => {
    node({ key, label: 'Capability', name: `${pick(regions)} ${pick(TOPICS)} ${capitalise(pick(CAPABILITY_KINDS).toLowerCase())}`, props: { kind: pick(CAPABILITY_KINDS), introduced: date(1980, 40) } });
    rel('OPERATES', organisations[int(organisations.length)]!, key, { from: date(1980, 40) });
  });
  const indicators = keys('indicator', counts.Indicator);
  indicators.forEach((key) => {
    node({ key, label: 'Indicator', name: `Seizures of ${pick(TOPICS).toLowerCase()} (${pick(regions)})`, props: { unit: 'cases', measure: 'seizures', baseYear: 2000 } });
    rel('REPORTED_BY', key, organisations[int(organisations.length)]!, { role: 'PUBLISHES' });
  });
  for (let o = 0; o < observations; o++) {
    const indicator = indicators[o % indicators.length]!;
    const year = 1900 + Math.floor(o / indicators.length);
    const key = `observation:syn-${o + 1}`;
    node({ key, label: 'Observation', name: `${year}`, props: { year, value: int(10_000), preliminary: false } });
    rel('HAS_OBSERVATION', indicator, key);
  }

  // Agreements: each partner has one to four with the home country; one in fifty partners also joins a
  // multilateral agreement of ten parties. An agreement is one AGREEMENT edge per partner (docs/graph-model.md).
  let agreementSerial = 0;
  countries.forEach((partner, i) => {
    for (let a = 1 + int(4); a > 0; a--) {
      agreementSerial += 1;
      const kind = pick(AGREEMENT_KINDS);
      const agreementKey = `agreement:syn-${agreementSerial}`;
      rel('AGREEMENT', HOME_KEY, partner, { agreementKey, kind, name: `${kind} Agreement ${agreementSerial} (Home–${regions[i % regionCount]})`, enacted: date(1990, 30), status: 'ENACTED' });
    }
    if (i % 50 === 0 && i + 10 <= countries.length) {
      agreementSerial += 1;
      const agreementKey = `agreement:syn-${agreementSerial}`;
      const enacted = date(1990, 30);
      for (let p = i; p < i + 10; p++) {
        rel('AGREEMENT', HOME_KEY, countries[p]!, { agreementKey, kind: 'EPA', name: `Multilateral Partnership ${agreementSerial}`, enacted, status: 'ENACTED' });
      }
    }
  });

  const samples: SyntheticSamples = {
    meetings: Array.from({ length: 32 }, (_, i) => meetings[Math.floor(((i + 0.5) * meetings.length) / 32)]!),
    offices: Array.from({ length: 32 }, (_, i) => offices[Math.floor(((i + 0.5) * offices.length) / 32)]!),
    chainHead: plans[Math.min(PLAN_CHAIN_LENGTH, plans.length) - 1]!,
    partner: countries[0]!,
  };
  return { id: `synthetic-${sizeLabel(totalNodes)}`, nodes, relationships, samples };
}

/** Writes the dataset as a folder the real loader reads: dataset.yaml plus JSON files of RECORDS_PER_FILE records. */
export async function writeSynthetic(dataset: SyntheticDataset, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'dataset.yaml'),
    `# Generated by bench/synthetic/generate.ts: a synthetic graph with the real graph's shape.\nid: ${dataset.id}\ntitle: Synthetic graph (${dataset.nodes.length} nodes)\nsource:\n  file: bench/synthetic/generate.ts\n`,
  );
  const write = async (prefix: string, field: 'nodes' | 'relationships', records: readonly unknown[]) => {
    for (let i = 0; i * RECORDS_PER_FILE < records.length; i++) {
      const chunk = records.slice(i * RECORDS_PER_FILE, (i + 1) * RECORDS_PER_FILE);
      await writeFile(path.join(dir, `${prefix}-${String(i + 1).padStart(4, '0')}.json`), JSON.stringify({ [field]: chunk }));
    }
  };
  await write('nodes', 'nodes', dataset.nodes);
  await write('relationships', 'relationships', dataset.relationships);
}

runIfMain(import.meta.url, async () => {
  const size = Number(process.argv[2] ?? 10_000);
  const dir = process.argv[3] ?? `.bench/synthetic-${sizeLabel(size)}`;
  const dataset = generateSynthetic(size);
  await writeSynthetic(dataset, dir);
  process.stdout.write(`${dataset.id}: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships in ${dir}\n`);
});

/**
 * Bounds measured from the graph, at scale (issue 22): questions with unpaginated lists asked of the synthetic
 * graph at every size. Each is answered (the estimate an upper bound of what the answer holds) or refused up
 * front naming the list that makes it large; a refused one is then asked of an API with the estimate set aside,
 * where the result budget must stop it while it runs (so the refusal was needed: the answer would not have fit).
 */
import { HOME_KEY } from './synthetic/generate.js';

/** The questions, each with unpaginated lists that grow with the graph or stay small. */
export const BOUND_QUESTIONS = {
  homeBodies: {
    describe: "the home country's bodies (Country.organisations: every body of the graph)",
    query: `query HomeBodies($home: ID!) { node(id: $home) { ... on Country { organisations { id name } } } }`,
  },
  homeBodiesPaged: {
    describe: 'the same bodies a page at a time (Country.organisationsConnection)',
    query: `query HomeBodiesPaged($home: ID!) { node(id: $home) { ... on Country { organisationsConnection(first: 100) { totalCount edges { node { id name } } } } } }`,
  },
  homeAgreements: {
    describe: "the home country's agreements (Country.agreements: it is party to every one)",
    query: `query HomeAgreements($home: ID!) { node(id: $home) { ... on Country { agreements { name kind } } } }`,
  },
  partnersPage: {
    describe: 'a page of 50 partners with their agreements (the home country is party to every one)',
    query: `query PartnersPage { countries(first: 50) { edges { node { name agreements { name kind } } } } }`,
  },
  partnersPageHome: {
    describe: 'the same page filtered by name to the home country (the page the estimate must allow for: it holds the country with the most agreements)',
    query: `query PartnersPageHome { countries(first: 50, filter: { nameContains: "home" }) { edges { node { name agreements { name kind } } } } }`,
  },
  meetingsPage: {
    describe: 'a page of 20 meetings with chairs, members and adopted plans',
    query: `query MeetingsPage { meetings(first: 20) { edges { node { name chairs { role office { name } } members { __typename } plansAdopted { plan { name } } } } } }`,
  },
  orgTree: {
    describe: "a body's units two levels down, with their posts",
    query: `query OrgTree($org: ID!) { node(id: $org) { ... on Organisation { name units { name posts { name } units { name posts { name } } } } } }`,
  },
} as const;

export type BoundQuestion = keyof typeof BOUND_QUESTIONS;

export interface BoundResult {
  /** `answered`, `refused` (up front, by the estimate), or `stopped` (by the result budget while it ran). */
  outcome: 'answered' | 'refused' | 'stopped' | 'failed';
  estimated: number | null;
  actual: number | null;
  /** For a refused or stopped one: the list the error names first, and its measured size. */
  named?: string;
  each?: number;
  /** For a refused one, asked again with the estimate set aside: what the result budget did. */
  withoutEstimate?: BoundResult['outcome'];
  /** …and what that answer held (`extensions.cost.actual`), when it was answered. */
  actualWithoutEstimate?: number | null;
}

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: { cost?: { estimated: number | null; actual: number } };
}

async function ask(url: string, question: BoundQuestion, variables: Record<string, unknown>): Promise<BoundResult> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: BOUND_QUESTIONS[question].query, variables }) });
  const body = (await res.json()) as Answer;
  const cost = body.extensions?.cost;
  const error = body.errors?.[0];
  const largest = (error?.extensions?.['largest'] as { field: string; each: number }[] | undefined)?.[0];
  const outcome = !error ? 'answered' : error.extensions?.['limit'] === 'cost' ? 'refused' : error.extensions?.['limit'] === 'resultSize' ? 'stopped' : 'failed';
  if (outcome === 'failed') throw new Error(`${question}: ${res.status} ${error?.message ?? ''}`);
  return { outcome, estimated: cost?.estimated ?? null, actual: outcome === 'answered' ? (cost?.actual ?? null) : null, ...(largest ? { named: largest.field, each: largest.each } : {}) };
}

/**
 * Asks every question of `url`; each refused one is asked again of `unbounded` (the same graph, MAX_COST set
 * aside), started only when needed.
 */
export async function measureBounds(url: string, org: string, unbounded: () => Promise<{ url: string; stop(): Promise<void> }>): Promise<Record<BoundQuestion, BoundResult>> {
  const variables = { home: HOME_KEY, org };
  const out = {} as Record<BoundQuestion, BoundResult>;
  for (const question of Object.keys(BOUND_QUESTIONS) as BoundQuestion[]) out[question] = await ask(url, question, variables);
  const refused = (Object.keys(out) as BoundQuestion[]).filter((q) => out[q].outcome === 'refused');
  if (refused.length > 0) {
    const api = await unbounded();
    try {
      for (const question of refused) {
        const again = await ask(api.url, question, variables);
        out[question].withoutEstimate = again.outcome;
        out[question].actualWithoutEstimate = again.actual;
      }
    } finally {
      await api.stop();
    }
  }
  return out;
}

/** The verdict of one question: refused only where its answer would not have fit the result budget. */
export function boundVerdict(r: BoundResult): string {
  if (r.outcome === 'answered') return r.estimated !== null && r.actual !== null && r.estimated >= r.actual ? 'answered, estimate ≥ answer' : 'answered, estimate BELOW the answer';
  if (r.outcome === 'refused') return r.withoutEstimate === 'stopped' ? `refused, naming ${r.named} (up to ${r.each}); without the estimate the result budget stops it` : `refused, naming ${r.named}, but it ${r.withoutEstimate ?? '?'}${r.actualWithoutEstimate != null ? ` (${r.actualWithoutEstimate})` : ''} without the estimate: the refusal was not needed`;
  return `stopped by the result budget, naming ${r.named ?? '?'}`;
}

export function boundsMarkdown(sizes: readonly { label: string; bounds?: Record<BoundQuestion, BoundResult> }[]): string {
  const measured = sizes.filter((s) => s.bounds);
  if (measured.length === 0) return '';
  const lines = [`| question | what | ${measured.map((s) => `${s.label}: estimated / answer`).join(' | ')} |`, `|---|---|${measured.map(() => '---').join('|')}|`];
  for (const q of Object.keys(BOUND_QUESTIONS) as BoundQuestion[]) {
    const cells = measured.map((s) => {
      const r = s.bounds![q];
      return `${r.estimated ?? '?'} / ${r.actual ?? '—'}: ${boundVerdict(r)}`;
    });
    lines.push(`| ${q} | ${BOUND_QUESTIONS[q].describe} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

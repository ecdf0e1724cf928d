/**
 * The verdict of the loading section (bench/bulk.ts): the bulk load's rate at its largest size against the target,
 * the transactional load's beside it, and when missed, where the time went (each step against the time the
 * target allows) and what would close it. Computed from the run's own numbers; nothing is written by hand.
 */
import type { LoadRate } from './bulk.js';

export const BULK_TARGET_RELATIONSHIPS_PER_SECOND = 50_000;

const n = (x: number) => Math.round(x).toLocaleString('en');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What each step is and what would make it shorter (the steps of src/seed/bulk/bulk-load.ts). */
const STEPS = {
  csvMs: {
    what: 'writing the CSV files',
    closes:
      'it runs in this Node process on one core (grouping rows by property signature, then csv-stringify) beside the whole graph\'s rows on the heap (npm run seed gives V8 a 128 MB semi-space so that the collector does not take most of it); worker threads, one per core, would split it',
  },
  importMs: {
    what: 'the offline importer (its JVM start included)',
    closes: 'the importer already writes the store with every core; only more cores or faster disks shorten it',
  },
  swapMs: {
    what: 'starting the imported store and checking its counts',
    closes: 'a JVM and store start; it does not grow with the data but is paid once per load',
  },
  schemaMs: {
    what: 'creating the constraints and indexes of cypher/schema/ (two of them full-text) and waiting until they are online, then writing the dataset version',
    closes:
      'Neo4j populates them from the store after the import, bounded by the cores it has; building them during the import (`neo4j-admin database import --schema`, ' +
      'Neo4j 5.24 and later) needs the block store format, which Community Edition does not have; creating them all in one transaction (one populating job) ' +
      'measured slower here than one statement each',
  },
} as const;

function why(bulk: LoadRate): string {
  const budgetMs = (bulk.relationships / BULK_TARGET_RELATIONSHIPS_PER_SECOND) * 1000;
  const steps = bulk.steps!;
  const parts = (Object.keys(STEPS) as (keyof typeof STEPS)[])
    .map((k) => ({ key: k, ms: steps[k] }))
    .sort((a, b) => b.ms - a.ms)
    .map(({ key, ms }) => `${STEPS[key].what} ${s(ms)} (${Math.round((100 * ms) / bulk.writeMs)}%${ms > budgetMs ? `, alone ${(ms / budgetMs).toFixed(1)}× the budget` : ''}): ${STEPS[key].closes}`);
  return (
    `At the target, ${n(bulk.relationships)} relationships may take ${s(budgetMs)} after validation; this load took ${s(bulk.writeMs)}. ` +
    `Where the time went, largest first: ${parts.join('; ')}. ` +
    'The machine matters as much as the code: the importer and the index population use every core there is (the load average is given above).'
  );
}

/** The verdict: the bulk load's rate at its largest size against the target, with the transactional one beside it. */
export function bulkVerdict(rates: readonly LoadRate[]): string {
  const bulk = rates.filter((r) => r.way === 'bulk').at(-1);
  if (!bulk) return '- not measured: no bulk load in this run.';
  const met = bulk.relationshipsPerSecond >= BULK_TARGET_RELATIONSHIPS_PER_SECOND;
  const tx = rates.filter((r) => r.way === 'transactional' && r.size === bulk.size).at(-1) ?? rates.filter((r) => r.way === 'transactional').at(-1);
  const importer = bulk.steps
    ? ` The importer step alone: ${n(bulk.relationships / (bulk.steps.importMs / 1000))} relationships/s` +
      (bulk.importerOwnMs ? ` (${n(bulk.relationships / (bulk.importerOwnMs / 1000))} by the importer's own clock, ${s(bulk.importerOwnMs)})` : '') +
      '.'
    : '';
  const beside = tx
    ? ` Beside it, the transactional loader (\`npm run seed\`) at ${tx.label}${tx.size === bulk.size ? ', the same graph in the same run' : ' (not the same size: not like for like)'}: ` +
      `${n(tx.relationshipsPerSecond)} relationships/s, ${n(tx.nodesPerSecond)} nodes/s over ${s(tx.writeMs)}: the bulk load is ` +
      `×${(bulk.relationshipsPerSecond / tx.relationshipsPerSecond).toFixed(1)} faster.`
    : ' The transactional loader was not measured in this run.';
  return (
    `- ${met ? '**met**' : '**missed**'}: loading at least ${n(BULK_TARGET_RELATIONSHIPS_PER_SECOND)} relationships/s at 1M nodes with ` +
    `\`npm run seed -- --bulk\`. Measured at ${bulk.label} (${n(bulk.nodes)} nodes, ${n(bulk.relationships)} relationships): ` +
    `**${n(bulk.relationshipsPerSecond)} relationships/s, ${n(bulk.nodesPerSecond)} nodes/s** over everything after validation (${s(bulk.writeMs)}).` +
    importer +
    beside +
    (!met && bulk.steps ? `\n  - Why, and what would close it: ${why(bulk)}` : '')
  );
}

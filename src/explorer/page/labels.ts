/**
 * Labels that stay readable in a dense view: a long name is drawn as its most telling alias, else whole on up
 * to three lines, else as its first and last words (the ministry a post belongs to stays visible); the full
 * name is shown on hover and in the details. Agreements are labelled by kind and year. Pure (unit-tested).
 */

/** A name this long reads at a glance; up to FULL it is drawn whole, wrapped on up to three lines. */
const SHORT = 40;
const FULL = 72;
const HEAD = 30;
const TAIL = 40;

/** The label drawn for a node. */
export function shortLabel(name: string, aliases: readonly string[] = []): string {
  if (name.length <= SHORT) return name;
  // A readable alias (not a bare abbreviation) names the thing as people say it: "Firearms Meeting".
  const alias = aliases.filter((a) => a.length <= SHORT && /\s/.test(a)).sort((a, b) => b.length - a.length)[0];
  if (alias) return alias;
  if (name.length <= FULL) return name;
  const words = name.split(/\s+/);
  let head = '';
  while (words.length > 1 && `${head} ${words[0]}`.trim().length <= HEAD) head = `${head} ${words.shift()}`.trim();
  let tail = '';
  while (words.length > 1 && `${words[words.length - 1]} ${tail}`.trim().length <= TAIL) tail = `${words.pop()} ${tail}`.trim();
  if (!head) head = words.shift() ?? '';
  return `${head} … ${tail}`.trim();
}

/** The year a date (`2008`, `2008-12`, `2008-12-01`) falls in, or null. */
export const yearOf = (date: unknown): string | null => (typeof date === 'string' && /^\d{4}/.test(date) ? date.slice(0, 4) : null);

/** How an agreement kind is written on the picture and in the table (the one long kind shortened). */
export const kindText = (kind: string): string => (kind === 'INTERGOVERNMENTAL' ? 'Intergov.' : kind);

/** An agreement edge's label: its kind and year of enactment (`EPA 2008`), and a multilateral one's short name. */
export function agreementLabel(properties: Readonly<Record<string, unknown>>): string {
  const kind = typeof properties['kind'] === 'string' ? properties['kind'] : 'AGREEMENT';
  const year = yearOf(properties['enacted']);
  const key = typeof properties['agreementKey'] === 'string' ? properties['agreementKey'] : '';
  // A multilateral agreement's key names it (agreement:tpp); a bilateral one's names its kind and partner.
  const multilateral = key.split(':').length === 2 ? key.split(':')[1]!.toUpperCase() : null;
  return [kindText(kind), year ?? 'undated', multilateral ? `(${multilateral})` : null].filter(Boolean).join(' ');
}

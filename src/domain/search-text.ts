/**
 * How search sees text, shared by the loaders (which store each entity's search keys and phrases) and the
 * search itself (which folds what people type the same way): case, diacritics and punctuation folded, so
 * `A/P`, `A-P` and `AP`, `U.S.` and `US`, `Macáo` and `Macao` meet. Imports nothing.
 */

/** Letters NFKD does not decompose, spelled as the Latin letters people type for them. */
const LIGATURES: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Compatibility-decomposed (`ﬁ` → `fi`, full-width → ASCII), diacritics dropped, lower case. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LIGATURES[c] ?? c);
}

/** The words of a text, folded: runs of letters and digits (punctuation and spaces separate them). */
export function searchWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The exact-match key of a name: its folded letters and digits, closed up (`RILO A/P` → `riloap`). */
export function searchKey(text: string): string {
  return searchWords(text).join('');
}

/**
 * The phrases one name is searched by: its folded words separated by single spaces (`U.S.` → `u s`) and,
 * when punctuation joins letters inside a word, the same with those words closed up (`us`, `rilo ap`,
 * `directorgeneral of …`), so a prefix typed either way finds it.
 */
export function searchPhrases(text: string): string[] {
  const tokens = fold(text).split(/\s+/).map((t) => t.match(/[\p{L}\p{N}]+/gu) ?? []).filter((parts) => parts.length > 0);
  const spaced = tokens.map((parts) => parts.join(' ')).join(' ');
  const closed = tokens.map((parts) => parts.join('')).join(' ');
  return spaced === closed ? [spaced] : [spaced, closed];
}

/** What the loaders store on an entity for search: its phrases (the full-text index) and its exact keys. */
export function searchPropertiesOf(name: string, aliases: readonly string[]): { searchText: string[]; searchKeys: string[] } {
  const names = [name, ...aliases];
  return {
    searchText: [...new Set(names.flatMap(searchPhrases))].filter((p) => p.length > 0),
    searchKeys: [...new Set(names.map(searchKey))].filter((k) => k.length > 0),
  };
}

/**
 * How many typos a typed word may hold and still match, by its length (the rule of Elasticsearch's
 * `fuzziness: AUTO` and Algolia): none below 4 characters, 1 from 4, 2 from 8; a transposition counts as one.
 */
export function typosAllowed(word: string): 0 | 1 | 2 {
  const length = [...word].length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

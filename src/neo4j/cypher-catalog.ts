/**
 * The named Cypher statements of `cypher/`, one statement per file, loaded once at start-up.
 * A statement's name is its path below `cypher/` without the extension (`meeting/page`).
 * Repositories declare the names they use when they are built, so a missing file fails start-up,
 * not a request. A statement may include a shared fragment with `{{> name}}` (e.g. a filter used
 * by both a page and a count statement); identifiers that cannot be parameters are spliced only by
 * `spliceIdentifiers`, from a whitelist.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CYPHER_DIR = fileURLToPath(new URL('../../cypher', import.meta.url));

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/** Identifier slots (`{{name}}`) and the only values each may take. */
export type IdentifierWhitelist = Record<string, readonly string[]>;

/**
 * Fills `{{slot}}` placeholders with identifiers (labels, sort expressions, ORDER BY directions)
 * that Cypher cannot take as parameters. Each value must be one the whitelist lists for its
 * slot, so no user text ever reaches the statement.
 */
export function spliceIdentifiers(text: string, whitelist: IdentifierWhitelist, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
    const value = values[slot];
    const allowed = whitelist[slot];
    if (value === undefined || allowed === undefined || !allowed.includes(value)) {
      throw new Error(`identifier slot {{${slot}}}: value ${JSON.stringify(value)} is not whitelisted`);
    }
    return value;
  });
}

export class CypherCatalog {
  private constructor(private readonly statements: ReadonlyMap<string, string>) {}

  static async load(dir: string = DEFAULT_CYPHER_DIR): Promise<CypherCatalog> {
    const files = await readdir(dir, { recursive: true });
    const entries = await Promise.all(
      files
        .filter((f) => f.endsWith('.cypher'))
        .sort()
        .map(async (f) => {
          const text = (await readFile(path.join(dir, f), 'utf8')).trim();
          const name = f.replace(/\\/g, '/').replace(/\.cypher$/, '');
          return [name, text] as const;
        }),
    );
    const raw = new Map(entries);
    const expand = (name: string, text: string, seen: string[]): string =>
      text.replace(/\{\{>\s*([\w/-]+)\s*\}\}/g, (_, include: string) => {
        if (seen.includes(include)) throw new Error(`cypher/${name}.cypher: include cycle through ${include}`);
        const fragment = raw.get(include);
        if (fragment === undefined) throw new Error(`cypher/${name}.cypher includes missing cypher/${include}.cypher`);
        return expand(include, stripComments(fragment), [...seen, include]);
      });
    return new CypherCatalog(new Map([...raw].map(([name, text]) => [name, expand(name, text, [name])])));
  }

  /** Names below a folder, in file order (used for the schema migrations). */
  namesUnder(folder: string): string[] {
    return [...this.statements.keys()].filter((n) => n.startsWith(`${folder}/`)).sort();
  }

  /** Checks that every name exists; throws one error naming all that are missing. */
  require<const N extends readonly string[]>(names: N): { [K in N[number]]: string } {
    const missing = names.filter((n) => !this.statements.has(n));
    if (missing.length > 0) {
      throw new Error(`missing Cypher statement file(s) in cypher/: ${missing.map((m) => `${m}.cypher`).join(', ')}`);
    }
    return Object.fromEntries(names.map((n) => [n, this.statements.get(n)!])) as { [K in N[number]]: string };
  }

  get(name: string): string {
    const text = this.statements.get(name);
    if (text === undefined) throw new Error(`missing Cypher statement file: cypher/${name}.cypher`);
    return text;
  }
}

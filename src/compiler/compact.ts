/**
 * Compiled statements are sent as text with every request (Bolt has no prepared statements), packed
 * by the driver, written in chunks of 1,400 bytes (one socket write each) and looked up by Neo4j in
 * its query cache by that text. `compact` drops comments and folds every run of whitespace into one
 * space, outside string literals and backquoted names, which it copies as they are.
 */
export function compact(cypher: string): string {
  let out = '';
  let space = false;
  let i = 0;
  const n = cypher.length;
  while (i < n) {
    const c = cypher[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // A literal or a quoted name, copied whole: backslash escapes in strings, doubled backquotes in names.
      let j = i + 1;
      while (j < n) {
        const d = cypher[j]!;
        if (d === '\\' && c !== '`') j += 2;
        else if (d === c) {
          if (c === '`' && cypher[j + 1] === '`') j += 2;
          else break;
        } else j += 1;
      }
      if (space && out.length > 0) out += ' ';
      space = false;
      out += cypher.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '/' && cypher[i + 1] === '/') {
      const end = cypher.indexOf('\n', i);
      i = end < 0 ? n : end;
      space = true;
      continue;
    }
    if (c === '/' && cypher[i + 1] === '*') {
      const end = cypher.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      space = true;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      space = true;
      i += 1;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += c;
    i += 1;
  }
  return out;
}

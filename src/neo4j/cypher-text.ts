/**
 * Cypher text as text: read once into code, literals (strings and backquoted names, copied as they
 * are) and comments, so that a change to the code never touches a literal.
 *
 * `compact`: compiled statements are sent as text with every request (Bolt has no prepared
 * statements), packed by the driver, written in chunks of 1,400 bytes (one socket write each) and
 * looked up by Neo4j in its query cache by that text; this drops comments and folds every run of
 * whitespace into one space. `prefixParameters`: gives every `$parameter` a prefix, so that several
 * statements can run as one (consistency.ts, `fencedTogether`) without their parameters meeting.
 */
interface Piece {
  kind: 'code' | 'literal' | 'comment';
  text: string;
}

function pieces(cypher: string): Piece[] {
  const out: Piece[] = [];
  let code = '';
  const flush = () => {
    if (code) out.push({ kind: 'code', text: code });
    code = '';
  };
  let i = 0;
  const n = cypher.length;
  while (i < n) {
    const c = cypher[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // Backslash escapes in strings, doubled backquotes in names.
      let j = i + 1;
      while (j < n) {
        const d = cypher[j]!;
        if (d === '\\' && c !== '`') j += 2;
        else if (d === c) {
          if (c === '`' && cypher[j + 1] === '`') j += 2;
          else break;
        } else j += 1;
      }
      flush();
      out.push({ kind: 'literal', text: cypher.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '/' && (cypher[i + 1] === '/' || cypher[i + 1] === '*')) {
      const line = cypher[i + 1] === '/';
      const end = line ? cypher.indexOf('\n', i) : cypher.indexOf('*/', i + 2);
      const stop = end < 0 ? n : line ? end : end + 2;
      flush();
      out.push({ kind: 'comment', text: cypher.slice(i, stop) });
      i = stop;
    } else {
      code += c;
      i += 1;
    }
  }
  flush();
  return out;
}

export function compact(cypher: string): string {
  let out = '';
  let code = '';
  for (const piece of pieces(cypher)) {
    if (piece.kind === 'literal') {
      out += code.replace(/\s+/g, ' ') + piece.text;
      code = '';
    } else {
      code += piece.kind === 'comment' ? ' ' : piece.text;
    }
  }
  return (out + code.replace(/\s+/g, ' ')).trim();
}

export function prefixParameters(cypher: string, prefix: string): string {
  return pieces(cypher)
    .map((p) => (p.kind === 'code' ? p.text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, `$${prefix}$1`) : p.text))
    .join('');
}

/** Cypher text (src/neo4j/cypher-text.ts): folded the same statement, shorter; parameters renamed, literals untouched. */
import { describe, expect, it } from 'vitest';
import { compact, prefixParameters } from '../../src/neo4j/cypher-text.js';

describe('compact', () => {
  it('drops comments and folds whitespace', () => {
    expect(compact('// entity/page: a page\nMATCH  (n:Meeting)\n  WHERE n.x = 1 /* note */ RETURN n')).toBe('MATCH (n:Meeting) WHERE n.x = 1 RETURN n');
  });

  it('keeps string literals and quoted names exactly, comment marks and spaces inside them included', () => {
    const text = "RETURN 'a  //  b', \"c\\\" /* d */\", n.`odd  ``name`` // x`, 'it\\'s   ok' // end";
    expect(compact(text)).toBe("RETURN 'a  //  b', \"c\\\" /* d */\", n.`odd  ``name`` // x`, 'it\\'s   ok'");
  });
});

describe('prefixParameters', () => {
  it('renames every parameter in the code and none in literals or comments', () => {
    const text = "MATCH (n {key: $id}) WHERE n.name = '$id' AND n.`$x` = $c0 // $id\nRETURN $maxItems";
    expect(prefixParameters(text, 'r1_')).toBe("MATCH (n {key: $r1_id}) WHERE n.name = '$id' AND n.`$x` = $r1_c0 // $id\nRETURN $r1_maxItems");
  });
});

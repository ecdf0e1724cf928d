/** The compiled statement's text, folded (src/compiler/compact.ts): the same statement, shorter. */
import { describe, expect, it } from 'vitest';
import { compact } from '../../src/compiler/compact.js';

describe('compact', () => {
  it('drops comments and folds whitespace', () => {
    expect(compact('// entity/page: a page\nMATCH  (n:Meeting)\n  WHERE n.x = 1 /* note */ RETURN n')).toBe('MATCH (n:Meeting) WHERE n.x = 1 RETURN n');
  });

  it('keeps string literals and quoted names exactly, comment marks and spaces inside them included', () => {
    const text = "RETURN 'a  //  b', \"c\\\" /* d */\", n.`odd  ``name`` // x`, 'it\\'s   ok' // end";
    expect(compact(text)).toBe("RETURN 'a  //  b', \"c\\\" /* d */\", n.`odd  ``name`` // x`, 'it\\'s   ok'");
  });
});

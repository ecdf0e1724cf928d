/** Full-text search: ranked, typo-tolerant, typed, and literal about Lucene syntax. */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.js';

const api = useTestServer();

const SEARCH = `query Search($text: String!, $types: [SearchableType!], $first: Int) {
  search(text: $text, types: $types, first: $first) { score matched node { __typename id name } } }`;

async function hits(text: string, types?: string[]): Promise<any[]> {
  const res = await api.gql(SEARCH, { text, types });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return (res.body.data as any).search;
}

describe('search', () => {
  it('finds by name, best match first, with typed hits', async () => {
    const found = await hits('Firearms meeting');
    expect(found[0].node.id).toBe('meeting:firearms-promotion');
    expect(found[0].node.__typename).toBe('Meeting');
    const scores = found.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('tolerates a small typo', async () => {
    expect((await hits('Yokohma'))[0].node.id).toBe('organisation:yokohama-customs');
    expect((await hits('firarms meeting'))[0].node.id).toBe('meeting:firearms-promotion');
    expect((await hits('Yokohma Customs')).slice(0, 3).map((h) => h.node.id)).toContain('organisation:yokohama-customs');
  });

  it('finds by alias and says which alias matched', async () => {
    const found = await hits('NPA', ['ORGANISATION']);
    expect(found[0].node.id).toBe('organisation:npa');
    expect(found[0].matched).toBe('NPA');
  });

  it('restricts to the asked types', async () => {
    const found = await hits('customs', ['CAPABILITY']);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((h) => h.node.__typename === 'Capability')).toBe(true);
  });

  it.each(['"unbalanced', 'a AND (b OR', 'cust*', 'drug~', 'x\\', '[]{}^:!/', 'OR', 'NOT AND', '\u0000\u202e', ''])(
    'searches %j literally: no error',
    async (text) => {
      const res = await api.gql(SEARCH, { text });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(Array.isArray((res.body.data as any).search)).toBe(true);
    },
  );

  it('a quoted phrase with Lucene syntax still finds the words in it', async () => {
    const found = await hits('"Beijing" AND (Customs*)');
    expect(found.map((h) => h.node.id)).toContain('organisation:beijing-customs-office');
  });
});

/**
 * The compiled `search` root: the full-text hits (the repository's `search/hits`) with each hit's node
 * projected for the selection, in one statement. The argument checks and the matched name or alias
 * are the service's own (`searchLimit`, `withMatches`), so the two paths answer alike. Refused
 * arguments, and a text with nothing to search for, are handed back to the resolver.
 */
import { getNamedType } from 'graphql';
import type { EntityRecord } from '../repositories/records.js';
import { searchLabels, searchLimit, withMatches } from '../services/search-service.js';
import { selectionAt } from './analyst-roots.js';
import { projectEntity } from './project.js';
import type { RootTranslator } from './roots.js';

export const search: RootTranslator = (args, repos) => {
  const text = args['text'] as string;
  const limit = searchLimit(text, args['first'] as number | null | undefined);
  const statement = repos.search.hitsStatement(text, searchLabels(args['types'] as string[] | null | undefined), limit);
  if (statement === null) throw new Error('nothing to search for: the resolver answers it');
  return {
    variant: '',
    bound: limit,
    params: statement.params,
    build: (e, field, nodes) => {
      const hit = selectionAt(e, getNamedType(field.type), nodes, ['node']);
      // The name and aliases always: the matched one is chosen from them (withMatches).
      const node = projectEntity(e, 'n', e.schema.getType('Entity')!, hit.nodes, ['name', 'aliases']);
      return `CALL () { ${statement.cypher} } RETURN collect({node: ${node}, score: score}) AS hits`;
    },
    columns: ['hits'],
    finish: (rows) => withMatches(text, (rows[0]?.['hits'] as { node: EntityRecord; score: number }[] | undefined) ?? []),
  };
};

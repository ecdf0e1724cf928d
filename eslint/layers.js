// The layers, enforced (docs/architecture.md): resolvers → services → repositories → neo4j, with
// the domain vocabulary below them all, importing nothing; the compiler beside the resolvers (it may use
// services, repositories, neo4j and the domain, not the resolvers or graphql/); the seed tool and the API share only the
// domain and neo4j (and the leaf modules config, logger, errors); and no import cycle anywhere.
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const layer = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
const API = ['./src/repositories', './src/services', './src/resolvers', './src/graphql', './src/http'];

export default [
  {
    files: ['src/**/*.ts'],
    ignores: ['src/generated/**'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname + '/..',
          zones: [
            layer('./src/domain', './src', 'src/domain/ is the vocabulary every layer shares: it imports nothing.', ['./domain']),
            layer('./src/neo4j', [...API, './src/seed', './src/local-neo4j'], 'src/neo4j/ is the bottom layer: it must not import the layers above it.'),
            layer('./src/repositories', ['./src/services', './src/resolvers', './src/graphql', './src/http', './src/seed'], 'Repositories own the Cypher and sit under services: no upward import.'),
            layer('./src/services', ['./src/resolvers', './src/graphql', './src/http', './src/seed'], 'Services sit under resolvers and HTTP: no upward import.'),
            layer('./src/resolvers', ['./src/http', './src/neo4j', './src/seed'], 'Resolvers call services, not the database or HTTP.'),
            layer('./src/seed', API, 'The seed tool and the API share only src/domain and src/neo4j.'),
            layer('./src/compiler', ['./src/resolvers', './src/graphql', './src/http', './src/seed'], 'The compiler reads the navigation declarations (src/domain), services, repositories and neo4j; not the resolvers, graphql/ or HTTP.'),
          ],
        },
      ],
    },
  },
];

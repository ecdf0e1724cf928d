// GraphQL lint (@graphql-eslint), spread into eslint.config.js: the schema (names, descriptions,
// deprecations) and the operations of operations/ (valid against the schema, named, unique).
import graphql from '@graphql-eslint/eslint-plugin';

const schemaRecommended = graphql.configs['flat/schema-recommended'].rules;
const operationsRecommended = graphql.configs['flat/operations-recommended'].rules;

// One GraphQL config for both blocks: the plugin loads the first one it sees and keeps it.
const graphQLConfig = { schema: 'schema/*.graphql', documents: 'operations/**/*.graphql' };

export default [
  {
    files: ['schema/**/*.graphql'],
    // The released schema is a snapshot for the breaking-change check, not a source.
    ignores: ['schema/released/**'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...schemaRecommended,
      // Every type, field, argument and enum value has a description (docs/architecture.md).
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      // Descriptions are strings, inline ("…") or block ("""…"""), whichever fits.
      '@graphql-eslint/description-style': 'off',
      // Connections, edges, pages and value types (SourceDate, Provenance) have no id of their own.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            suffixes: ['Connection', 'Edge', 'Result', 'Info', 'Hit', 'Stats', 'Count', 'Coverage', 'State', 'Step', 'Path', 'Ground', 'Neighbour', 'Node'],
            types: ['Query', 'SourceDate', 'Provenance', 'Observation', 'Neighbourhood', 'Lineage', 'Timeline', 'TimelineEvent', 'Membership', 'CommonMember', 'PartnerAgreementKinds', 'StateAsOf', 'CypherResult'],
          },
        },
      ],
      '@graphql-eslint/require-deprecation-reason': 'error',
      // Declared scalars nothing uses yet are noise, not a defect.
      '@graphql-eslint/no-unreachable-types': 'warn',
    },
  },
  {
    files: ['operations/**/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...operationsRecommended,
      // The example operations use the default values of their variables: a tab runs as is.
      '@graphql-eslint/no-unused-variables': 'error',
      '@graphql-eslint/unique-operation-name': 'error',
      '@graphql-eslint/unique-fragment-name': 'error',
      '@graphql-eslint/no-anonymous-operations': 'error',
      '@graphql-eslint/naming-convention': ['error', { OperationDefinition: { style: 'PascalCase', forbiddenPrefixes: ['Query', 'Get'], forbiddenSuffixes: ['Query'] }, FragmentDefinition: { style: 'PascalCase' } }],
      // As deep as the server allows by default (MAX_DEPTH=12): the plan lineage walks three generations.
      '@graphql-eslint/selection-set-depth': ['error', { maxDepth: 12 }],
      // The operations pick ids where a client caches by them; value types have none.
      '@graphql-eslint/require-selections': 'off',
    },
  },
];

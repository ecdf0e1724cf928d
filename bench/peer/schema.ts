/**
 * The peer's type definitions: bench/peer/type-defs.graphql (nodes, relationships and the plain object
 * types @cypher fields return) plus a Query type whose @cypher fields answer what the library's generated
 * queries cannot express. Each of those runs the floor's own hand-written statement (bench/floor/) inside
 * the library's @cypher wrapper, reshaped into the one column a @cypher field returns: so for these
 * operations the peer does the floor's database work plus the library's GraphQL work.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const FLOOR = fileURLToPath(new URL('../floor/', import.meta.url));

/** A floor statement without its comment lines, wrapped so that it returns one column, `result`. */
function wrapped(file: string, result: string): string {
  const body = readFileSync(`${FLOOR}${file}.cypher`, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
  return `CALL () {\n${body}\n}\nRETURN ${result} AS result`;
}

const block = (cypher: string) => `"""\n${cypher.replace(/"""/g, '\\"""')}\n"""`;

function field(signature: string, description: string, statement: string): string {
  return `  "${description}"\n  ${signature}\n    @cypher(statement: ${block(statement)}, columnName: "result")`;
}

export function peerTypeDefs(): string {
  const query = [
    field('agreement(id: ID!): Agreement', 'One agreement with every party.', wrapped('agreement-detail', 'node')),
    field(
      'agreementsTable(first: Int, after: Keyset, filter: AgreementFilter, orderBy: AgreementOrder): AgreementPage!',
      'A page of agreements with the total.',
      wrapped('agreements-table', '{totalCount: totalCount, hasNextPage: hasNextPage, endValue: endKeyset.value, endKey: endKeyset.key, nodes: nodes}'),
    ),
    field(
      'search(query: String, key: String, phrase: String, words: [String!], types: [String!], first: Int): [SearchHit!]!',
      'Search, ranked (the Lucene query, exact key, phrase and words folded by the client).',
      wrapped('search', '{score: score, node: node}'),
    ),
    field(
      'shortestPaths(from: ID!, to: ID!, maxHops: Int, relationshipTypes: [String!]): [Path!]!',
      'The shortest paths between two entities.',
      wrapped(
        'shortest-path',
        '{maxHops: maxHops, nodes: nodes, relationships: [r IN relationships | r {.id, .type, .direction, .startId, .endId, properties: [p IN r.properties | {name: p[0], value: toStringOrNull(p[1])}]}]}',
      ),
    ),
    field('stateAsOf(date: String!): State!', 'What existed and held on a date.', wrapped('state-as-of', '{date: date.value, meetings: meetings, agreements: agreements, hostings: hostings}')),
    field(
      'structureAsOf(date: String!): Structure!',
      'The meetings that existed on a date, and who administered the firearms meeting then.',
      wrapped('structure-as-of', '{totalCount: totalCount, meetings: meetings, firearmsMeeting: firearmsMeeting}'),
    ),
  ];
  return `${readFileSync(`${HERE}type-defs.graphql`, 'utf8')}\ntype Query {\n${query.join('\n')}\n}\n`;
}

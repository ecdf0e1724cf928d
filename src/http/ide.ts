/**
 * The GraphQL IDE: GraphiQL rendered as one self-contained page (scripts and styles inline), so it
 * works on a network with no internet. Shown when a browser asks for /graphql.
 */
import type { Request } from 'express';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

export function wantsIde(req: Request): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') && req.query['query'] === undefined;
}

let page: string | undefined;

export function renderIde(): string {
  page ??= renderGraphiQL({
    endpoint: '/graphql',
    title: 'Border graph API — GraphiQL',
    defaultQuery: `# Who chairs the firearms meeting, and who sits on it?
query FirearmsMeeting {
  node(id: "meeting:firearms-promotion") {
    ... on Meeting {
      name
      chief { name }
      members { ... on Office { name } ... on Organisation { name } }
    }
  }
}
`,
  } as never);
  return page;
}

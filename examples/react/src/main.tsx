/**
 * A React front end on the API with Apollo Client and the generated typed documents: a meeting's page, a plan's
 * lineage and a partner's agreements. The cache gets `possibleTypes` (every interface and union → its object
 * types), without which Apollo Client cannot match fragments on an interface, such as `PlanSummary on Entity`,
 * and drops their fields. In your own project, import the documents and `possibleTypes` from
 * `@border-graph/client-schema`; here they come from this repository's generated client.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { createRoot } from 'react-dom/client';
import { possibleTypes } from '../../../src/generated/client/possible-types.js';
import { MeetingPage, PartnerAgreements, PlanLineage } from './views.js';

/** The API: `?api=` in the page's address, or the one `npm start` serves. */
const api = new URLSearchParams(location.search).get('api') ?? 'http://localhost:4000/graphql';

const client = new ApolloClient({ link: new HttpLink({ uri: api }), cache: new InMemoryCache({ possibleTypes }) });

function App() {
  return (
    <ApolloProvider client={client}>
      <h1>Border graph: a React example</h1>
      <MeetingPage id="meeting:drug-abuse-promotion" />
      <PlanLineage id="plan:drug-strategy-4" />
      <PartnerAgreements id="country:spain" />
    </ApolloProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);

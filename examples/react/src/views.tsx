/** The three views: each runs one saved operation through `useQuery`, typed by its generated document. */
import { useQuery } from '@apollo/client/react';
import { MeetingPageDocument, PartnerAgreementsDocument, PlanLineageDocument } from '../../../src/generated/client/graphql.js';

function Status({ loading, error }: { loading: boolean; error?: Error | undefined }) {
  if (error) return <p role="alert">Could not load: {error.message}</p>;
  return loading ? <p>Loading…</p> : null;
}

export function MeetingPage({ id }: { id: string }) {
  const { data, loading, error } = useQuery(MeetingPageDocument, { variables: { id } });
  const meeting = data?.node?.__typename === 'Meeting' ? data.node : null;
  return (
    <section data-testid="meeting">
      <Status loading={loading} error={error} />
      {meeting && (
        <>
          <h2>{meeting.name}</h2>
          <p>
            Chief: <span data-testid="chief">{meeting.chief?.name ?? 'none'}</span>
          </p>
          <h3>Members</h3>
          <ul>
            {meeting.members.map((m) => (
              <li key={m.id} data-kind={m.__typename}>
                {m.name} ({m.__typename === 'Office' ? 'a post' : 'a body'})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function PlanLineage({ id }: { id: string }) {
  const { data, loading, error } = useQuery(PlanLineageDocument, { variables: { id } });
  return (
    <section data-testid="lineage">
      <Status loading={loading} error={error} />
      {data && (
        <>
          <h2>Lineage of {data.node?.__typename === 'Plan' ? data.node.name : id}</h2>
          <ol>
            {data.lineage.steps.map((s) => (
              <li key={s.node.id}>
                {s.node.name}
                {s.node.__typename === 'Plan' && s.node.adopted ? ` (adopted ${s.node.adopted.value})` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function PartnerAgreements({ id }: { id: string }) {
  const { data, loading, error } = useQuery(PartnerAgreementsDocument, { variables: { id } });
  const country = data?.node?.__typename === 'Country' ? data.node : null;
  return (
    <section data-testid="agreements">
      <Status loading={loading} error={error} />
      {country && (
        <>
          <h2>Agreements of {country.name}</h2>
          <ul>
            {country.agreements.map((a) => (
              <li key={a.id}>
                {a.name}: {a.kind}, {a.enacted ? `enacted ${a.enacted.value}` : 'undated'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

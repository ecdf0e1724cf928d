// floor/agreements-table (AgreementsTable $first, $after, $filter, $orderBy): one page of the
// agreements table with the total. Every agreement is the AGREEMENT relationships sharing an
// `agreementKey` (facts from the first by partner name; the parties are the Japanese side first,
// then the partners by name; the partners are all parties but the first), filtered by
// $filter.kinds / .party / .multilateral (null = off; the date filters `enacted` and `asOf` are not
// supported here), sorted by $orderBy (ENACTED, NAME or KEY, then the key; undated agreements last
// in both directions), cut after $after and to $first (default 20). $after is the keyset {value, key}
// the API's opaque cursor holds (the bench decodes it with the API's own decodeCursor; Cypher has no
// base64), or null for the first page. Returns the page, totalCount, hasNextPage and the keyset of
// the last row (the API's endCursor, not encoded).
MATCH (a:Entity)-[r:AGREEMENT]->(b:Entity)
WITH r.agreementKey AS key, r, a, b ORDER BY b.name
WITH key, collect(r)[0] AS r0, collect(DISTINCT a {id: a.key, labels: labels(a), .name}) AS froms,
     collect(b {id: b.key, labels: labels(b), .name}) AS tos
// The parties are the Japanese side first, then the partners by name; the partners are all but the first.
WITH key, r0, froms + tos AS parties
WITH key, r0, [p IN parties | p.id] AS partyKeys, parties[1..] AS partners
WHERE ($filter.kinds IS NULL OR r0.kind IN $filter.kinds)
  AND ($filter.party IS NULL OR $filter.party IN partyKeys)
  AND ($filter.multilateral IS NULL OR (size(partyKeys) > 2) = $filter.multilateral)
WITH key, r0, partyKeys, partners, coalesce($orderBy.direction, 'ASC') = 'DESC' AS descending
WITH key, r0, partyKeys, partners, descending,
     CASE coalesce($orderBy.field, 'ENACTED')
       WHEN 'NAME' THEN r0.name
       WHEN 'KEY' THEN key
       ELSE coalesce(r0.enacted, CASE WHEN descending THEN '' ELSE '~' END)
     END AS sortValue
ORDER BY sortValue, key
WITH descending, collect({
  sortValue: sortValue,
  node: {id: key, name: r0.name, kind: r0.kind, multilateral: size(partyKeys) > 2,
         enacted: r0.enacted, partners: partners}
}) AS ascending
WITH CASE WHEN descending THEN reverse(ascending) ELSE ascending END AS sorted
WITH sorted, [row IN sorted WHERE $after IS NULL
  OR (CASE WHEN coalesce($orderBy.direction, 'ASC') = 'DESC'
        THEN row.sortValue < $after.value OR (row.sortValue = $after.value AND row.node.id < $after.key)
        ELSE row.sortValue > $after.value OR (row.sortValue = $after.value AND row.node.id > $after.key) END)] AS rest
WITH sorted, rest, coalesce(toInteger($first), 20) AS first
WITH size(sorted) AS totalCount, rest[0..first] AS page, size(rest) > first AS hasNextPage
RETURN totalCount, hasNextPage,
       CASE WHEN size(page) = 0 THEN null ELSE {value: page[-1].sortValue, key: page[-1].node.id} END AS endKeyset,
       [row IN page | row.node] AS nodes

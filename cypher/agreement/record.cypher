// agreement/record: one agreement as a map, from its first edge `r0` (edges ordered by partner name) and its
// parties' keys, the Japanese side first; `key` is its agreementKey. Included where an agreement is built.
{key: key, kind: r0.kind, name: r0.name, enacted: r0.enacted, revisions: coalesce(r0.revisions, []),
 status: r0.status, note: r0.note, partyKeys: fromKeys + toKeys, dataset: r0.dataset,
 sourceSection: r0.sourceSection, sourceQuote: r0.sourceQuote,
 inferred: r0.inferred, reading: r0.reading, existsFrom: r0.existsFrom, existsUntil: r0.existsUntil}

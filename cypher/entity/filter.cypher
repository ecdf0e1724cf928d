// entity/filter: the WHERE shared by entity/page and entity/count. Every filter is optional: a
// null parameter switches it off. `d` is the date that opens the entity's life (vocabulary
// OPENING_DATE_PROPERTIES) as a partial ISO string; earliest/latest days are compared as `YYYY-MM-DD`
// text. `asOf` is the one "exists as of" rule over the life the loader stored (its slot: src/domain/navigation.ts
// existsCondition, filled by EntityRepository).
// `d` is read after the other filters, so only for the entities they keep, and only when a statement reads it
// ({{dated}}: `true` for a page in date order, else only when a date filter is set; whitelist in entity-repository.ts).
MATCH (n:{{label}})
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($text IS NULL OR toLower(n.name) CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))
  AND ($withLabel IS NULL OR $withLabel IN labels(n))
  AND ($withoutLabel IS NULL OR NOT $withoutLabel IN labels(n))
  AND ($asOf IS NULL OR {{existsAsOf}})
  AND ($outType IS NULL OR EXISTS { MATCH (n)-[:$(coalesce($outType, 'NONE'))]->(:Entity {key: $outKey}) })
  AND ($inType IS NULL OR EXISTS { MATCH (n)<-[:$(coalesce($inType, 'NONE'))]-(:Entity {key: $inKey}) })
  AND ($agreementKinds IS NULL OR EXISTS { MATCH (n)-[r:AGREEMENT]-() WHERE r.kind IN $agreementKinds })
WITH n, CASE WHEN {{dated}} THEN coalesce(n.adopted, n.established, n.firstConvened, n.introduced) END AS d
WHERE ($dateFrom IS NULL OR (d IS NOT NULL AND d + substring('-12-31', size(d) - 4) >= $dateFrom))
  AND ($dateTo IS NULL OR (d IS NOT NULL AND d + substring('-01-01', size(d) - 4) <= $dateTo))

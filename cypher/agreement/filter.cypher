// agreement/filter: the WHERE shared by agreement/page and agreement/count (null switches a filter off).
// `asOf` is the one "exists as of" rule over the life the loader stored (its slot: src/domain/navigation.ts
// existsCondition, filled by AgreementRepository).
{{> agreement/all}}
WHERE ($kinds IS NULL OR r0.kind IN $kinds)
  AND ($party IS NULL OR $party IN partyKeys)
  AND ($multilateral IS NULL OR (size(partyKeys) > 2) = $multilateral)
  AND ($dateFrom IS NULL OR (r0.enacted IS NOT NULL AND r0.enacted + substring('-12-31', size(r0.enacted) - 4) >= $dateFrom))
  AND ($dateTo IS NULL OR (r0.enacted IS NOT NULL AND r0.enacted + substring('-01-01', size(r0.enacted) - 4) <= $dateTo))
  AND ($asOf IS NULL OR {{filterExistsAsOf}})

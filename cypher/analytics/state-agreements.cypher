// analytics/state-agreements: every agreement, built as agreement/by-keys builds it, or ($stateDays: [first day,
// last day]) those that existed on that date (the slot holds src/domain/navigation.ts existsCondition), so that the
// agreements of stateAsOf need no second round trip.
{{> agreement/all}}
WHERE $stateDays IS NULL OR {{agreementExists}}
RETURN agreement
ORDER BY agreement.key

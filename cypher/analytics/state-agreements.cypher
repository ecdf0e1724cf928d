// analytics/state-agreements: every agreement, built as agreement/by-keys builds it, read with the
// facts stateAsOf filters so that the agreements in force need no second round trip.
{{> agreement/all}}
RETURN agreement
ORDER BY agreement.key

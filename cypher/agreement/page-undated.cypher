// agreement/page-undated: the part of agreement/page-unfiltered that reads the agreements without {{prop}}
// (sort value {{none}}), in key order from the agreementKey index, at most $limit. The index is named: without the
// hint the planner may scan every node when the part is not needed (agreement/page-unfiltered's tail).
  MATCH ()-[k:AGREEMENT]->()
  USING INDEX k:AGREEMENT(agreementKey)
  WHERE k.agreementKey IS NOT NULL AND k.{{prop}} IS NULL
  WITH DISTINCT k.agreementKey AS key
  WHERE $after IS NULL OR {{none}} {{cmp}} $after.value OR ({{none}} = $after.value AND key {{cmp}} $after.key)
  WITH key
  ORDER BY key {{dir}}
  LIMIT toInteger($limit)

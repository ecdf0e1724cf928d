// agreement/page-undated: the part of agreement/page-unfiltered that reads the agreements without {{prop}}
// (sort value {{none}}), in key order from the agreementKey index, at most $limit.
  MATCH ()-[k:AGREEMENT]->()
  WHERE k.agreementKey IS NOT NULL AND k.{{prop}} IS NULL
  WITH DISTINCT k.agreementKey AS key
  WHERE $after IS NULL OR {{none}} {{cmp}} $after.value OR ({{none}} = $after.value AND key {{cmp}} $after.key)
  WITH key
  ORDER BY key {{dir}}
  LIMIT toInteger($limit)

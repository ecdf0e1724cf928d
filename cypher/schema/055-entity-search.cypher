CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Office|Organisation|Meeting|Plan|MeasureCategory|Country|Capability|Indicator)
ON EACH [n.name, n.aliasesText]

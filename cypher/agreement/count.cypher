// agreement/count: how many agreements match the filter.
{{> agreement/filter}}
RETURN count(agreement) AS total

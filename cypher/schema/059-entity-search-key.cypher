// Exact matches of a whole name, alias or abbreviation: each of an entity's `searchKeys` (its names folded and
// closed up: `RILO A/P` → `riloap`) is one term (the keyword analyser), so a typed name's key finds it whatever
// the case, accents or punctuation, however many entities merely contain those words.
CREATE FULLTEXT INDEX entity_search_key IF NOT EXISTS
FOR (n:{{searchableLabels}})
ON EACH [n.searchKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}

// seed/stale-derived: how many entities an older loader wrote (it stored `aliasesText`, and not the search
// keys and lives that search and every "as of" view now read: src/seed/rows.ts); `npm run seed` rewrites them.
MATCH (n:Entity) WHERE n.aliasesText IS NOT NULL
RETURN count(n) AS stale

// search/hits: the ranked hits of a search as nodes (`n`) with their score, best first (search/ranked):
// what the operation compiler projects for the selection (src/compiler/search-root.ts).
{{> search/ranked}}
RETURN n, score

// stats/write: stores the graph's statistics (JSON) with the dataset versions they describe (as every read's fence
// reads them), in the transaction that writes a dataset's version, or after it.
CALL () { {{> stats/versions}} }
MERGE (s:GraphStats {id: 'graph'})
SET s.stats = $stats, s.versions = versions, s.computedAt = datetime()
RETURN versions

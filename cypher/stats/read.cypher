// stats/read: the graph's statistics as the last load stored them (JSON), the dataset versions they were counted
// over, and the dataset versions now (as every read's fence reads them): when the two differ, they are stale.
CALL () { {{> stats/versions}} }
OPTIONAL MATCH (s:GraphStats {id: 'graph'})
RETURN s.stats AS stats, s.versions AS counted, versions AS current

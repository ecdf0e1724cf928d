// seed/fence-down: lowers the load fence once the load's commit has returned (or failed).
MATCH (f:LoadFence {id: 'global'})
SET f.until = null
RETURN count(f) AS lowered

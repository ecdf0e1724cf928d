// seed/fence-up: raises the load fence just before a load commits (or for the whole of a load in parts), with a
// lease so that a loader that dies cannot keep readers out for longer than $leaseMs.
MERGE (f:LoadFence {id: 'global'})
SET f.until = datetime() + duration({milliseconds: toInteger($leaseMs)}), f.loader = $dataset
RETURN f.until AS until

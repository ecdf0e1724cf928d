// True when no Entity node exists (a fresh database that needs seeding).
RETURN NOT EXISTS { MATCH (n:Entity) } AS empty

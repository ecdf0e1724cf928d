CREATE RANGE INDEX entity_dataset IF NOT EXISTS FOR (n:Entity) ON (n.dataset)

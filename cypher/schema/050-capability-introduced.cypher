CREATE RANGE INDEX capability_introduced IF NOT EXISTS FOR (n:Capability) ON (n.introduced)

CREATE RANGE INDEX capability_name IF NOT EXISTS FOR (n:Capability) ON (n.name)

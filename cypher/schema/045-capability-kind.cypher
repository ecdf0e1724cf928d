CREATE RANGE INDEX capability_kind IF NOT EXISTS FOR (n:Capability) ON (n.kind)

CREATE RANGE INDEX office_kind IF NOT EXISTS FOR (n:Office) ON (n.kind)

CREATE RANGE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind)

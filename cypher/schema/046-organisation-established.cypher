CREATE RANGE INDEX organisation_established IF NOT EXISTS FOR (n:Organisation) ON (n.established)

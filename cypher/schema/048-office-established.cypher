CREATE RANGE INDEX office_established IF NOT EXISTS FOR (n:Office) ON (n.established)

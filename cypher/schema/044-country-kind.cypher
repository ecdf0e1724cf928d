CREATE RANGE INDEX country_kind IF NOT EXISTS FOR (n:Country) ON (n.kind)

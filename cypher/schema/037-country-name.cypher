CREATE RANGE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name)

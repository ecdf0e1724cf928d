CREATE RANGE INDEX office_name IF NOT EXISTS FOR (n:Office) ON (n.name)

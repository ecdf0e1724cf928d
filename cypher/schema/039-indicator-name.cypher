CREATE RANGE INDEX indicator_name IF NOT EXISTS FOR (n:Indicator) ON (n.name)

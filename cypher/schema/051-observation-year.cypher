CREATE RANGE INDEX observation_year IF NOT EXISTS FOR (n:Observation) ON (n.year)

CREATE RANGE INDEX meeting_name IF NOT EXISTS FOR (n:Meeting) ON (n.name)

CREATE RANGE INDEX meeting_established IF NOT EXISTS FOR (n:Meeting) ON (n.established)

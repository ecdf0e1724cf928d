CREATE RANGE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind)

CREATE RANGE INDEX plan_kind IF NOT EXISTS FOR (n:Plan) ON (n.kind)

CREATE RANGE INDEX plan_adopted IF NOT EXISTS FOR (n:Plan) ON (n.adopted)

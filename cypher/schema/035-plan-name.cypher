CREATE RANGE INDEX plan_name IF NOT EXISTS FOR (n:Plan) ON (n.name)

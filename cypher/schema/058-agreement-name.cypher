CREATE RANGE INDEX agreement_name IF NOT EXISTS FOR ()-[r:AGREEMENT]-() ON (r.name)

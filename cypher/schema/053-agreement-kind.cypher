CREATE RANGE INDEX agreement_kind IF NOT EXISTS FOR ()-[r:AGREEMENT]-() ON (r.kind)

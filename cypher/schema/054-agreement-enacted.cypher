CREATE RANGE INDEX agreement_enacted IF NOT EXISTS FOR ()-[r:AGREEMENT]-() ON (r.enacted)

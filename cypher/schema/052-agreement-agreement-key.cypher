CREATE RANGE INDEX agreement_agreement_key IF NOT EXISTS FOR ()-[r:AGREEMENT]-() ON (r.agreementKey)

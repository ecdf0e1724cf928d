// One range index on the kind of each entity type (a root list's `kinds` filter starts inside it), applied once per
// label the API shows (src/domain/vocabulary.ts): office_kind, capability_kind, … A type without a kind has an
// empty one, as every root list takes `kinds`.
CREATE RANGE INDEX {{label_snake}}_kind IF NOT EXISTS FOR (n:{{label}}) ON (n.kind)

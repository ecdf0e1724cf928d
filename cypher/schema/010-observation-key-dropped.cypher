// Observation keys are unique through entity_key (every node is an Entity); a second unique index per label only
// doubled the cost of every write. Databases created before keep converging: this drops it if present.
DROP CONSTRAINT observation_key IF EXISTS

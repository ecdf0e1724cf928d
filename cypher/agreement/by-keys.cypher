// agreement/by-keys: agreements by their keys (the agreement loader), each with its parties
// (`n {.*, labels: labels(n)}`, as entity/by-keys reads them) so that `parties` costs no second
// round trip. Its assembleNodes slot holds the one agreement assembly (src/domain/agreements.ts, AgreementRepository).
UNWIND $keys AS wanted
WITH DISTINCT wanted AS key
{{assembleNodes}}
RETURN {{> agreement/record}} AS agreement,
       [p IN fromNodes + toNodes | p {.*, labels: labels(p)}] AS parties

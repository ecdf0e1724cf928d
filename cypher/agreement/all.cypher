// agreement/all: every agreement as one row, built by the one agreement assembly (the assembleKeys slot:
// src/domain/agreements.ts, AgreementRepository), the Japanese side first. Shared by the agreement statements.
MATCH ()-[k:AGREEMENT]->()
WITH DISTINCT k.agreementKey AS key
{{assembleKeys}}
WITH key, r0, fromKeys + toKeys AS partyKeys,
     {{> agreement/record}} AS agreement

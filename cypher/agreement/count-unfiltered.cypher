// agreement/count-unfiltered: how many agreements there are when no filter is set: the distinct agreementKeys,
// read from the AGREEMENT(agreementKey) range index alone (no agreement is grouped).
MATCH ()-[k:AGREEMENT]->()
WHERE k.agreementKey IS NOT NULL
RETURN count(DISTINCT k.agreementKey) AS total

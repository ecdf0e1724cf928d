/** A small graph's statistics, written by hand, for estimates that need no database. */
import { GRAPH_STATS_FORMAT, type GraphStats, type Histogram } from '../../src/neo4j/graph-stats.js';

export function statsFixture(degrees: Record<string, Histogram> = {}, over: Partial<GraphStats> = {}): GraphStats {
  return {
    format: GRAPH_STATS_FORMAT,
    versions: 'fixture@1;',
    labels: { Country: 8, Organisation: 20, Office: 30, Meeting: 10, Plan: 12, MeasureCategory: 15, Capability: 18, Indicator: 5, Observation: 30 },
    kinds: { Meeting: { HEADQUARTERS: 2, PROMOTION_MEETING: 3 }, Organisation: { MINISTRY: 9 } },
    aliases: { Country: 3, Organisation: 2, Office: 1 },
    dates: 40,
    degrees,
    relationships: { HOSTED: 3, SUPERSEDES: 6, ADOPTED: 8, APPROVED: 1, ADMINISTERED_BY: 2 },
    agreements: {
      total: 37,
      byKind: { CMAA: 12, EPA: 13, INTERGOVERNMENTAL: 6, MOU: 6 },
      years: 16,
      perYear: 6,
      parties: [
        [12, 1],
        [2, 36],
      ],
      revisions: 1,
      revisionsTotal: 2,
      partyCount: 12,
      perParty: {
        'Country *': [
          [30, 1],
          [2, 2],
          [1, 5],
        ],
        'Country CMAA': [
          [12, 1],
          [1, 7],
        ],
        'Country kinds': [
          [4, 1],
          [2, 2],
          [1, 5],
        ],
        'Organisation *': [[6, 1]],
        'Organisation MOU': [[6, 1]],
        'Organisation kinds': [[1, 1]],
      },
    },
    lineage: 5,
    ...over,
  };
}

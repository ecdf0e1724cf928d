/** The "objects of control" table: the printed 2005 = 100 indexes agree with the printed values (no database). */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/seed/format.js';
import { MAIN_DATASET_DIR } from './helpers.js';

describe('indicator observations', async () => {
  const ds = await readDataset(MAIN_DATASET_DIR);
  const indicators = ds.nodes.filter((n) => n.label === 'Indicator');
  const observations = new Map(ds.nodes.filter((n) => n.label === 'Observation').map((n) => [n.key, n]));
  const seriesOf = (key: string) =>
    ds.relationships
      .filter((r) => r.type === 'HAS_OBSERVATION' && r.from === key)
      .map((r) => observations.get(r.to)!)
      .sort((a, b) => Number(a.props.year) - Number(b.props.year));

  it('has the five rows of the table, each with 2005 and 2011–2015', () => {
    expect(indicators.map((i) => i.props.measure).sort()).toEqual([
      'Arriving passengers',
      'Entering aircraft',
      'Entering ships',
      'Import permits/approvals',
      'Pieces of mail presented for import inspection',
    ]);
    for (const ind of indicators) {
      expect(seriesOf(ind.key).map((o) => o.props.year)).toEqual([2005, 2011, 2012, 2013, 2014, 2015]);
    }
  });

  it.each(['arriving-passengers', 'import-permits', 'international-mail', 'entering-ships', 'entering-aircraft'])(
    '%s: value / value(2005) × 100, rounded to one decimal, is the printed index',
    (slug) => {
      const series = seriesOf(`indicator:${slug}`);
      const base = Number(series[0]!.props.value);
      for (const o of series) {
        // Half-up rounding on the decimal value (118.75 → 118.8), guarding against binary float error.
        const computed = Math.round((Number(o.props.value) / base) * 1000 + 1e-9) / 10;
        expect(computed, `${o.key}`).toBe(Number(o.props.index));
      }
    },
  );

  it('marks 2014 as preliminary exactly where the notes say so', () => {
    const preliminary = [...observations.values()].filter((o) => o.props.preliminary === true).map((o) => o.key).sort();
    expect(preliminary).toEqual([
      'observation:arriving-passengers:2014',
      'observation:import-permits:2014',
      'observation:international-mail:2014',
    ]);
  });
});

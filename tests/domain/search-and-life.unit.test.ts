/**
 * The pure rules under search and "as of" (no database): how typed text and names are folded into keys and
 * phrases, how many typos a word allows, and which days a record's life covers.
 */
import { describe, expect, it } from 'vitest';
import { searchKey, searchPhrases, searchPropertiesOf, searchWords, typosAllowed } from '../../src/domain/search-text.js';
import { AGREEMENT_LIFE, ENTITY_TYPES, existsOn, lifeOf } from '../../src/domain/vocabulary.js';

describe('search text', () => {
  it('folds case, accents and punctuation, so the ways people write an abbreviation meet', () => {
    for (const typed of ['RILO A/P', 'rilo a-p', 'RILO AP', 'Rilo  A.P.']) expect(searchKey(typed), typed).toBe('riloap');
    expect(searchKey('U.S.')).toBe(searchKey('US'));
    expect(searchKey('Macáo')).toBe('macao');
    expect(searchWords('Straße Ærø')).toEqual(['strasse', 'aero']);
    expect(searchWords('ＵＳ')).toEqual(['us']);
  });

  it('indexes a name by its spaced words and, where punctuation joins letters, closed up too', () => {
    expect(searchPhrases('RILO A/P Contact Points Meeting')).toEqual(['rilo a p contact points meeting', 'rilo ap contact points meeting']);
    expect(searchPhrases('Japan Customs')).toEqual(['japan customs']);
    expect(searchPropertiesOf('United States', ['U.S.', 'US'])).toEqual({ searchText: ['united states', 'u s', 'us'], searchKeys: ['unitedstates', 'us'] });
  });

  it('allows no typo below 4 letters, 1 from 4, 2 from 8', () => {
    expect([typosAllowed('mof'), typosAllowed('peru'), typosAllowed('finance'), typosAllowed('phillipines')]).toEqual([0, 1, 1, 2]);
  });
});

describe('the one "exists as of" rule', () => {
  const meeting = ENTITY_TYPES.Meeting.life;
  const SOURCE = '2016-06-07';

  it('opens a meeting when established, else when first convened, and closes it when dissolved', () => {
    expect(lifeOf(meeting, { firstConvened: '2003-09' }, SOURCE)).toEqual({ from: '2003-09-01', until: null });
    expect(lifeOf(meeting, { established: '1995-09', dissolved: '2008' }, SOURCE)).toEqual({ from: '1995-09-01', until: '2008-01-01' });
  });

  it('counts what the source does not date from the source date, and never without one', () => {
    expect(lifeOf(meeting, {}, SOURCE)).toEqual({ from: SOURCE, until: null });
    expect(lifeOf(AGREEMENT_LIFE, { enacted: '1997-06' }, SOURCE).from).toBe('1997-06-01');
    expect(lifeOf(AGREEMENT_LIFE, {}, null).from).toBeNull();
  });

  it('a date stands for its days: opened by its last day, not closed by its first', () => {
    const hq = { existsFrom: '1995-09-01', existsUntil: '2008-01-01' };
    expect(existsOn(hq, '1995-09-01', '1995-09-30')).toBe(true);
    expect(existsOn(hq, '1995-01-01', '1995-12-31')).toBe(true);
    expect(existsOn(hq, '1995-08-01', '1995-08-31')).toBe(false);
    expect(existsOn(hq, '2007-12-01', '2007-12-31')).toBe(true);
    expect(existsOn(hq, '2008-01-01', '2008-12-31')).toBe(false);
    expect(existsOn({ existsFrom: null }, '2016-06-01', '2016-06-30')).toBe(false);
  });
});

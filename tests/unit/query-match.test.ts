import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../src/search/query-match';

describe('whether a page answers a search', () => {
  it.each([
    ['sedinta', 'Consiliul s-a întrunit în ședință extraordinară'],
    ['ședință', 'ședințele consiliului'],
    ['alegerilor', 'Rezultatele alegerile locale'],
    ['PREȘEDINTE', 'președintele a declarat'],
    ['pe pod', 'Podul nou se deschide'],
  ])('%s is in „%s”', (query, text) => {
    expect(matchesQuery(query, text)).toBe(true);
  });

  it.each([
    ['sedinta', 'Meciul se joacă fără spectatori'],
    ['documentare', 'Un doc scurt'],
    ['sedinta consiliu', 'ședința de joi'],
  ])('%s is not in „%s”', (query, text) => {
    expect(matchesQuery(query, text)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { bucharestOffsetMinutes, formatArticleDate, parseArticleDate, toBucharestIso } from '../../src/lib/dates';

function instant(text: string): string {
  const parsed = parseArticleDate(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.date.toISOString();
}

function reason(text: string): string {
  const parsed = parseArticleDate(text);
  if (parsed.ok) throw new Error(`expected ${text} to be rejected`);
  return parsed.reason;
}

describe('parseArticleDate', () => {
  it('reads a wall time without offset as Bucharest time (summer, +03:00)', () => {
    expect(instant('2025-08-13T09:04')).toBe('2025-08-13T06:04:00.000Z');
    expect(instant('2025-08-13T09:04:00')).toBe('2025-08-13T06:04:00.000Z');
    expect(instant('2025-08-13 09:04')).toBe('2025-08-13T06:04:00.000Z');
  });

  it('reads a winter wall time as +02:00', () => {
    expect(instant('2025-12-01T10:00')).toBe('2025-12-01T08:00:00.000Z');
  });

  it('honours an explicit offset or Z', () => {
    expect(instant('2025-08-13T09:04:00+03:00')).toBe('2025-08-13T06:04:00.000Z');
    expect(instant('2025-08-13T09:04:00+0300')).toBe('2025-08-13T06:04:00.000Z');
    expect(instant('2025-08-13T06:04:00Z')).toBe('2025-08-13T06:04:00.000Z');
    expect(instant('2025-08-13T09:04:00-04:00')).toBe('2025-08-13T13:04:00.000Z');
  });

  describe('spring forward (30 March 2025, 03:00 → 04:00)', () => {
    it('keeps the minute before the gap in winter time', () => {
      expect(instant('2025-03-30T02:59')).toBe('2025-03-30T00:59:00.000Z');
    });
    it('rejects a wall time that does not exist', () => {
      expect(reason('2025-03-30T03:30')).toBe(
        'ora 03:30 din 2025-03-30 nu există la București (ceasul sare peste ea la trecerea la ora de vară); alegeți altă oră',
      );
      expect(parseArticleDate('2025-03-30T03:00').ok).toBe(false);
    });
    it('reads the first minute after the gap in summer time', () => {
      expect(instant('2025-03-30T04:00')).toBe('2025-03-30T01:00:00.000Z');
    });
  });

  describe('fall back (26 October 2025, 04:00 → 03:00)', () => {
    it('takes the first occurrence (+03:00) of a repeated wall time', () => {
      expect(instant('2025-10-26T03:30')).toBe('2025-10-26T00:30:00.000Z');
    });
    it('reads the times around the switch with their own offsets', () => {
      expect(instant('2025-10-26T02:59')).toBe('2025-10-25T23:59:00.000Z');
      expect(instant('2025-10-26T04:00')).toBe('2025-10-26T02:00:00.000Z');
    });
    it('accepts the second occurrence when the offset says so', () => {
      expect(instant('2025-10-26T03:30+02:00')).toBe('2025-10-26T01:30:00.000Z');
    });
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(reason('2026-02-30T10:00')).toBe('ziua 30 nu există în februarie 2026 („2026-02-30T10:00”)');
    expect(reason('2025-02-29T10:00')).toContain('ziua 29 nu există în februarie 2025');
    expect(parseArticleDate('2024-02-29T10:00').ok).toBe(true);
    expect(reason('2025-13-01T10:00')).toContain('luna 13 nu există');
    expect(reason('2025-08-13T24:00')).toContain('nu există');
    expect(reason('2025-08-13T09:60')).toContain('nu există');
  });

  it('rejects text that is not a date and time, saying what it expected', () => {
    expect(reason('13 aug. 2025')).toBe(
      'așteptam data și ora în forma 2025-08-13T09:04 (ora Bucureștiului) sau 2025-08-13T09:04:00+03:00, am găsit „13 aug. 2025”',
    );
    expect(parseArticleDate('2025-08-13').ok).toBe(false);
  });
});

describe('toBucharestIso', () => {
  it.each([
    ['2025-08-13T06:04:00Z', '2025-08-13T09:04:00+03:00'],
    ['2025-12-01T08:00:00Z', '2025-12-01T10:00:00+02:00'],
    ['2025-10-26T00:30:00Z', '2025-10-26T03:30:00+03:00'],
    ['2025-10-26T01:30:00Z', '2025-10-26T03:30:00+02:00'],
  ])('%s → %s', (utc, local) => {
    expect(toBucharestIso(new Date(utc))).toBe(local);
  });
});

describe('formatArticleDate', () => {
  it('prints the seed article date as the newsroom does', () => {
    expect(formatArticleDate(new Date('2025-08-13T06:04:00Z'))).toBe('13 aug. 2025, 09:04');
  });
  it.each([
    ['2025-01-05T07:30:00Z', '5 ian. 2025, 09:30'],
    ['2025-05-31T21:00:00Z', '1 iun. 2025, 00:00'],
    ['2025-09-01T12:00:00Z', '1 sept. 2025, 15:00'],
    ['2025-12-31T22:05:00Z', '1 ian. 2026, 00:05'],
  ])('%s → %s', (utc, text) => {
    expect(formatArticleDate(new Date(utc))).toBe(text);
  });
});

describe('bucharestOffsetMinutes', () => {
  it('is +180 in summer and +120 in winter', () => {
    expect(bucharestOffsetMinutes(new Date('2025-08-13T06:04:00Z'))).toBe(180);
    expect(bucharestOffsetMinutes(new Date('2025-12-01T10:00:00Z'))).toBe(120);
  });

  it('changes at the hour of each switch (01:00 UTC), and not within the hours around it', () => {
    expect(bucharestOffsetMinutes(new Date('2025-03-30T00:00:00Z'))).toBe(120);
    expect(bucharestOffsetMinutes(new Date('2025-03-30T00:59:59Z'))).toBe(120);
    expect(bucharestOffsetMinutes(new Date('2025-03-30T01:00:00Z'))).toBe(180);
    expect(bucharestOffsetMinutes(new Date('2025-10-26T00:59:59Z'))).toBe(180);
    expect(bucharestOffsetMinutes(new Date('2025-10-26T01:00:00Z'))).toBe(120);
    expect(bucharestOffsetMinutes(new Date('2025-10-26T01:59:59Z'))).toBe(120);
  });
});

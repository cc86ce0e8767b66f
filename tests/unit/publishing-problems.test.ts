import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblemReport } from '../../src/lib/problems';
import { buildTime, isPublished, lastModified, shownUpdate } from '../../src/lib/publishing';

describe('isPublished', () => {
  const now = new Date('2025-08-13T07:00:00Z');
  it('publishes articles whose time has come', () => {
    expect(isPublished({ draft: false, date: new Date('2025-08-13T06:04:00Z') }, now)).toBe(true);
    expect(isPublished({ draft: false, date: now }, now)).toBe(true);
  });
  it('holds back embargoed articles and drafts', () => {
    expect(isPublished({ draft: false, date: new Date('2025-08-13T07:00:01Z') }, now)).toBe(false);
    expect(isPublished({ draft: true, date: new Date('2020-01-01T00:00:00Z') }, now)).toBe(false);
  });
});

describe('buildTime', () => {
  it('reads FOAIA_NOW', () => {
    expect(buildTime({ FOAIA_NOW: '2025-08-13T07:00:00Z' }).toISOString()).toBe('2025-08-13T07:00:00.000Z');
  });
  it('fixes the clock for the rest of the build when unset', () => {
    const env: Record<string, string | undefined> = {};
    const first = buildTime(env);
    expect(env.FOAIA_NOW).toBe(first.toISOString());
    expect(buildTime(env).getTime()).toBe(first.getTime());
  });
  it('rejects a clock that is not a date', () => {
    expect(() => buildTime({ FOAIA_NOW: 'mâine' })).toThrow('FOAIA_NOW must be an ISO 8601 instant, found "mâine"');
  });
});

describe('problem messages', () => {
  it('name the file, then the field or the line and column', () => {
    expect(formatProblem({ file: 'content/articles/2025/08/x.md', field: 'photo.alt', message: 'lipsește textul alternativ' })).toBe(
      'content/articles/2025/08/x.md: photo.alt: lipsește textul alternativ',
    );
    expect(formatProblem({ file: 'x.md', line: 4, column: 13, message: 'YAML' })).toBe('x.md:4:13: YAML');
    expect(formatProblem({ file: 'x.md', message: 'fără câmp' })).toBe('x.md: fără câmp');
  });
  it('count the problems of a run in the report', () => {
    expect(
      formatProblemReport([
        { file: 'a.md', field: 'title', message: 'lipsește' },
        { file: 'b.md', field: 'date', message: 'greșită' },
      ]),
    ).toBe('2 probleme în articole:\n  a.md: title: lipsește\n  b.md: date: greșită');
  });
});

describe('lastModified', () => {
  it('is the latest of publication, update and corrections', () => {
    const date = new Date('2025-08-20T07:30:00Z');
    const updated = new Date('2025-08-20T11:15:00Z');
    const corrected = new Date('2025-08-21T08:00:00Z');
    expect(lastModified({ date, updated })).toEqual(updated);
    expect(lastModified({ date })).toEqual(date);
    expect(lastModified({ date, updated, corrections: [{ date: corrected }, { date }] })).toEqual(corrected);
    expect(shownUpdate({ date })).toBeUndefined();
    expect(shownUpdate({ date, corrections: [{ date: corrected }] })).toEqual(corrected);
  });
});

import ro from '../i18n/ro.json' with { type: 'json' };

/** The newsroom's clock: an article date without an offset is wall time here. */
export const NEWSROOM_TIME_ZONE = 'Europe/Bucharest';

export type DateParseResult = { ok: true; date: Date } | { ok: false; reason: string };

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const offsetFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: NEWSROOM_TIME_ZONE,
  timeZoneName: 'longOffset',
});

/** Bucharest's offset from UTC by hour since the epoch, as `bucharestOffsetMinutes` found it. */
const offsetsByHour = new Map<number, number>();

/**
 * Minutes to add to UTC to get Bucharest wall time at that instant.
 *
 * @example
 * bucharestOffsetMinutes(new Date('2025-08-13T06:04:00Z')) // => 180
 * bucharestOffsetMinutes(new Date('2025-12-01T10:00:00Z')) // => 120
 */
export function bucharestOffsetMinutes(instant: Date): number {
  // Bucharest changes its offset on the hour (UTC), so one hour has one offset: asked once per
  // hour, since a page prints several dates and `formatToParts` is slow.
  const hour = Math.floor(instant.getTime() / 3_600_000);
  let minutes = offsetsByHour.get(hour);
  if (minutes === undefined) {
    const name = offsetFormatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    offsetsByHour.set(hour, minutes);
  }
  return minutes;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Reads an article date as editors write it: ISO 8601 date and time, with an offset, or
 * without one as Bucharest wall time. A wall time skipped by the spring-forward switch is an
 * error; one that happens twice at the autumn switch is the first of the two (summer time, +03:00).
 *
 * @example
 * parseArticleDate('2025-08-13T09:04') // => { ok: true, date: 2025-08-13T06:04:00.000Z }
 * parseArticleDate('2026-02-30T10:00') // => { ok: false, reason: 'ziua 30 nu există în februarie 2026' }
 */
export function parseArticleDate(text: string): DateParseResult {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) {
    return {
      ok: false,
      reason: `așteptam data și ora în forma 2025-08-13T09:04 (ora Bucureștiului) sau 2025-08-13T09:04:00+03:00, am găsit „${text}”`,
    };
  }
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const zone = match[7];
  if (month < 1 || month > 12) return { ok: false, reason: `luna ${pad(month)} nu există (1–12) în „${text}”` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `ziua ${day} nu există în ${ro['date.monthsLong'][month - 1]} ${year} („${text}”)` };
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `ora din „${text}” nu există` };

  const wallTimeAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone) {
    const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [, '+', '0', '0'];
    const offset = (Number(hours) * 60 + Number(minutes)) * (sign === '-' ? -1 : 1);
    return { ok: true, date: new Date(wallTimeAsUtc - offset * 60_000) };
  }

  // Try every offset Bucharest uses around that day; keep the instants that really show this wall time.
  const dayMs = 86_400_000;
  const candidates = [
    ...new Set([bucharestOffsetMinutes(new Date(wallTimeAsUtc - dayMs)), bucharestOffsetMinutes(new Date(wallTimeAsUtc + dayMs))]),
  ]
    .map((offset) => new Date(wallTimeAsUtc - offset * 60_000))
    .filter((instant) => bucharestOffsetMinutes(instant) * 60_000 + instant.getTime() === wallTimeAsUtc)
    .sort((a, b) => a.getTime() - b.getTime());
  const first = candidates[0];
  if (!first) {
    return {
      ok: false,
      reason: `ora ${pad(hour)}:${pad(minute)} din ${year}-${pad(month)}-${pad(day)} nu există la București (ceasul sare peste ea la trecerea la ora de vară); alegeți altă oră`,
    };
  }
  return { ok: true, date: first };
}

/** Bucharest wall time at an instant, as a Date whose UTC fields read that wall time, and the offset. */
function bucharestWallClock(instant: Date): { wall: Date; offset: number } {
  const offset = bucharestOffsetMinutes(instant);
  return { wall: new Date(instant.getTime() + offset * 60_000), offset };
}

/**
 * The instant as ISO 8601 with the Bucharest offset, as the page's `<time datetime>` shows it.
 *
 * @example
 * toBucharestIso(new Date('2025-08-13T06:04:00Z')) // => '2025-08-13T09:04:00+03:00'
 */
export function toBucharestIso(instant: Date): string {
  const { wall, offset } = bucharestWallClock(instant);
  const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offset)}`;
}

/**
 * The date as the newsroom prints it, in Bucharest time. The month names are the newsroom's own
 * (from `src/i18n/ro.json`), not the runtime's ICU data, so an ICU update cannot change a page.
 *
 * @example
 * formatArticleDate(new Date('2025-08-13T06:04:00Z')) // => '13 aug. 2025, 09:04'
 */
export function formatArticleDate(instant: Date): string {
  const { wall } = bucharestWallClock(instant);
  const month = ro['date.monthsShort'][wall.getUTCMonth()];
  return `${wall.getUTCDate()} ${month} ${wall.getUTCFullYear()}, ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

import { offsetAt, zonedParts, zoneFormatter } from '../../common/time/zoned-time';

/**
 * The reporting window of one analytics request, computed once and shared by every section
 * (summary, charts, tables, CSV), so they always count the same sessions.
 *
 * Days are calendar days in the request's IANA time zone. Their boundaries are turned into
 * UTC instants here, so the SQL filters on `started_at >= start AND started_at < end` (an
 * index range) and only buckets by local date afterwards. Pure: no clock, no database.
 */

export const PERIODS = ['7d', '30d', '90d'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '30d';
/** Longest custom range, in days, both ends included. */
export const MAX_RANGE_DAYS = 366;

const PERIOD_DAYS: Record<Period, number> = { '7d': 7, '30d': 30, '90d': 90 };
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface WindowInput {
  /** Ignored when both from and to are given. */
  period?: Period;
  /** Custom range: local dates YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  /** IANA time zone the days are counted in. */
  tz: string;
  now: Date;
}

export interface AnalyticsWindow {
  period: Period | 'custom';
  tz: string;
  /** First and last local day of the window, both included. */
  from: string;
  to: string;
  /** Every local day of the window, ascending. */
  days: string[];
  /** UTC instants: start inclusive, end exclusive (the first instant of the day after `to`). */
  start: Date;
  end: Date;
  /** The window of the same length just before: previousEnd equals start. */
  previousFrom: string;
  previousTo: string;
  previousStart: Date;
  previousEnd: Date;
}

const windows = new Map<string, AnalyticsWindow>();
const WINDOWS_KEPT = 256;

/**
 * analyticsWindow, kept per range, zone and local date of `now`, which is all it depends on:
 * a 90-day window walks 90 local days and four zone offsets (≈ 0.1–0.16 ms), on every request,
 * a report served from the cache included (≈ 0.7 ms in all). Kept windows are shared, so
 * they are frozen.
 */
export function keptAnalyticsWindow(input: WindowInput): AnalyticsWindow {
  const today = input.from !== undefined && input.to !== undefined ? '' : localDate(input.now, input.tz);
  const key = `${input.period ?? ''}|${input.from ?? ''}|${input.to ?? ''}|${input.tz}|${today}`;
  let window = windows.get(key);
  if (!window) {
    window = analyticsWindow(input);
    Object.freeze(window.days);
    Object.freeze(window);
    if (windows.size >= WINDOWS_KEPT) windows.delete(windows.keys().next().value as string);
    windows.set(key, window);
  }
  return window;
}

export function analyticsWindow(input: WindowInput): AnalyticsWindow {
  const custom = input.from !== undefined && input.to !== undefined;
  let from: string;
  let to: string;
  if (custom) {
    from = input.from as string;
    to = input.to as string;
  } else {
    to = localDate(input.now, input.tz);
    from = addDays(to, 1 - PERIOD_DAYS[input.period ?? DEFAULT_PERIOD]);
  }
  const length = dayCount(from, to);
  if (length < 1) throw new RangeError(`The window ends (${to}) before it starts (${from})`);

  const previousTo = addDays(from, -1);
  const previousFrom = addDays(from, -length);
  return {
    period: custom ? 'custom' : (input.period ?? DEFAULT_PERIOD),
    tz: input.tz,
    from,
    to,
    days: Array.from({ length }, (_, i) => addDays(from, i)),
    start: startOfLocalDay(from, input.tz),
    end: startOfLocalDay(addDays(to, 1), input.tz),
    previousFrom,
    previousTo,
    previousStart: startOfLocalDay(previousFrom, input.tz),
    previousEnd: startOfLocalDay(from, input.tz),
  };
}

/**
 * The dates a window may name. Up to 2999, not 9999: a window's edges and its previous window
 * are computed a day and a window-length beyond its dates, which past 9999 leaves the four-digit
 * years every date function here (and Date#toISOString) writes.
 */
export const FIRST_DATE = '1970-01-01';
export const LAST_DATE = '2999-12-31';

/** Is this a real calendar date written YYYY-MM-DD, from FIRST_DATE to LAST_DATE? */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1970 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function dayCount(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS) + 1;
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Is this a time zone name the platform knows (IANA names like Europe/Berlin, and UTC)? */
export function isKnownTimeZone(value: unknown): value is string {
  // Region/City names only: Intl may also take offsets like +05:00, which SQL reads differently.
  if (typeof value !== 'string' || value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) {
    return false;
  }
  try {
    zoneFormatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, tz: string): string {
  const p = zonedParts(instant, tz);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

const dayStartCache = new Map<string, number>();
const DAY_START_CACHE_SIZE = 10_000;

/**
 * The first instant of every local day of the window, then `end`: days.length + 1 instants,
 * ascending. Local midnights are memoised per zone and date, since every report of the same
 * period asks for the same days.
 */
export function localDayStarts(window: Pick<AnalyticsWindow, 'days' | 'tz' | 'end'>): number[] {
  const starts = window.days.map((date) => {
    const key = `${window.tz}|${date}`;
    let start = dayStartCache.get(key);
    if (start === undefined) {
      if (dayStartCache.size >= DAY_START_CACHE_SIZE) dayStartCache.clear();
      start = startOfLocalDay(date, window.tz).getTime();
      dayStartCache.set(key, start);
    }
    return start;
  });
  return [...starts, window.end.getTime()];
}

/**
 * The first instant whose local date in `tz` is `date` (or later): local midnight, DST-safe.
 *
 * Local midnight is `date 00:00` minus the zone's UTC offset, but the offset itself depends on
 * the instant. Both offsets in force around that day are tried and the earliest candidate that
 * really reads 00:00 wins (where midnight happens twice, the day starts at the first). Where
 * midnight is skipped (clocks jump from 00:00 to 01:00), the day starts at the jump, which is
 * midnight reckoned with the offset before it.
 */
export function startOfLocalDay(date: string, tz: string): Date {
  const naive = dateToUtcMs(date);
  const offsetBefore = offsetAt(naive - DAY_MS, tz);
  const offsetAfter = offsetAt(naive + DAY_MS, tz);
  const candidates = [...new Set([naive - offsetBefore, naive - offsetAfter, naive - offsetAt(naive, tz)])]
    .filter((candidate) => candidate + offsetAt(candidate, tz) === naive)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? naive - offsetBefore);
}

function dateToUtcMs(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a date as YYYY-MM-DD: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

import { offsetAt } from '../../common/time/zoned-time';
import {
  addDays,
  analyticsWindow,
  dayCount,
  isIsoDate,
  isKnownTimeZone,
  keptAnalyticsWindow,
  localDate,
  startOfLocalDay,
} from './analytics-window';

const iso = (date: Date) => date.toISOString();

describe('analyticsWindow', () => {
  it('defaults to the last 30 local days including today, and the 30 days before', () => {
    const w = analyticsWindow({ tz: 'UTC', now: new Date('2026-11-24T15:00:00Z') });
    expect(w.period).toBe('30d');
    expect([w.from, w.to]).toEqual(['2026-10-26', '2026-11-24']);
    expect(iso(w.start)).toBe('2026-10-26T00:00:00.000Z');
    expect(iso(w.end)).toBe('2026-11-25T00:00:00.000Z');
    expect([w.previousFrom, w.previousTo]).toEqual(['2026-09-26', '2026-10-25']);
    expect(iso(w.previousStart)).toBe('2026-09-26T00:00:00.000Z');
    expect(w.previousEnd).toEqual(w.start);
    expect(w.days).toHaveLength(30);
    expect(w.days[0]).toBe('2026-10-26');
    expect(w.days[29]).toBe('2026-11-24');
  });

  it.each([
    ['7d', 7],
    ['30d', 30],
    ['90d', 90],
  ] as const)('period %s covers %i days and a previous window of the same length', (period, length) => {
    const w = analyticsWindow({ period, tz: 'UTC', now: new Date('2026-06-15T23:59:59Z') });
    expect(w.days).toHaveLength(length);
    expect(w.to).toBe('2026-06-15');
    expect(dayCount(w.previousFrom, w.previousTo)).toBe(length);
    expect(addDays(w.previousTo, 1)).toBe(w.from);
  });

  it('takes "today" in the time zone: 03:00 UTC is still yesterday in New York', () => {
    const w = analyticsWindow({ period: '7d', tz: 'America/New_York', now: new Date('2026-11-24T03:00:00Z') });
    expect([w.from, w.to]).toEqual(['2026-11-17', '2026-11-23']);
    // EST is UTC-5: local midnight is 05:00 UTC.
    expect(iso(w.start)).toBe('2026-11-17T05:00:00.000Z');
    expect(iso(w.end)).toBe('2026-11-24T05:00:00.000Z');
  });

  it('uses from/to instead of the period when both are given', () => {
    const w = analyticsWindow({
      period: '90d',
      from: '2026-03-01',
      to: '2026-03-10',
      tz: 'UTC',
      now: new Date('2030-01-01T00:00:00Z'),
    });
    expect(w.period).toBe('custom');
    expect(w.days).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect([w.previousFrom, w.previousTo]).toEqual(['2026-02-19', '2026-02-28']);
  });

  it('keeps day boundaries right across a spring-forward change (New York, 8 March 2026)', () => {
    const w = analyticsWindow({ from: '2026-03-01', to: '2026-03-10', tz: 'America/New_York', now: new Date() });
    expect(iso(w.start)).toBe('2026-03-01T05:00:00.000Z'); // EST, UTC-5
    expect(iso(w.end)).toBe('2026-03-11T04:00:00.000Z'); // EDT, UTC-4
    expect(iso(w.previousStart)).toBe('2026-02-19T05:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-08', 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-09', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
  });

  it('keeps day boundaries right across a fall-back change (Berlin, 25 October 2026): that day has 25 hours', () => {
    const day = startOfLocalDay('2026-10-25', 'Europe/Berlin');
    const next = startOfLocalDay('2026-10-26', 'Europe/Berlin');
    expect(iso(day)).toBe('2026-10-24T22:00:00.000Z'); // CEST, UTC+2
    expect(iso(next)).toBe('2026-10-25T23:00:00.000Z'); // CET, UTC+1
    expect(next.getTime() - day.getTime()).toBe(25 * 3_600_000);
  });

  it('handles zones ahead of UTC and odd offsets: midnight falls on the previous UTC day', () => {
    expect(iso(startOfLocalDay('2026-01-01', 'Asia/Tokyo'))).toBe('2025-12-31T15:00:00.000Z');
    expect(iso(startOfLocalDay('2026-01-01', 'Asia/Kolkata'))).toBe('2025-12-31T18:30:00.000Z');
    expect(iso(startOfLocalDay('2026-01-01', 'Asia/Kathmandu'))).toBe('2025-12-31T18:15:00.000Z');
    expect(iso(startOfLocalDay('2026-01-01', 'Pacific/Chatham'))).toBe('2025-12-31T10:15:00.000Z');
    // Lord Howe moves its clocks by 30 minutes: +11 in January, +10:30 in July.
    expect(iso(startOfLocalDay('2026-01-10', 'Australia/Lord_Howe'))).toBe('2026-01-09T13:00:00.000Z');
    expect(iso(startOfLocalDay('2026-07-10', 'Australia/Lord_Howe'))).toBe('2026-07-09T13:30:00.000Z');
  });

  it('starts a day whose midnight is skipped at the jump (Santiago, clocks go 00:00 → 01:00 on 6 September 2026)', () => {
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(iso(start)).toBe('2026-09-06T04:00:00.000Z');
    expect(localDate(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDate(new Date(start.getTime() - 1000), 'America/Santiago')).toBe('2026-09-05');
  });

  it('starts a day whose midnight happens twice at the first one (Havana, clocks go 01:00 → 00:00 on 1 November 2026)', () => {
    const start = startOfLocalDay('2026-11-01', 'America/Havana');
    expect(iso(start)).toBe('2026-11-01T04:00:00.000Z');
    expect(localDate(new Date(start.getTime() - 1000), 'America/Havana')).toBe('2026-10-31');
  });

  it('every day boundary is the first second of its local date, in many zones over a year', () => {
    const zones = [
      'UTC',
      'America/New_York',
      'America/Los_Angeles',
      'Europe/London',
      'Europe/Berlin',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/Santiago',
    ];
    for (const tz of zones) {
      for (let i = 0; i < 366; i += 1) {
        const date = addDays('2026-01-01', i);
        const start = startOfLocalDay(date, tz);
        expect(localDate(start, tz)).toBe(date);
        expect(localDate(new Date(start.getTime() - 1000), tz)).toBe(addDays(date, -1));
      }
    }
  });

  it('counts leap days', () => {
    const w = analyticsWindow({ from: '2028-02-28', to: '2028-03-01', tz: 'UTC', now: new Date() });
    expect(w.days).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(dayCount('2028-01-01', '2028-12-31')).toBe(366);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => analyticsWindow({ from: '2026-03-02', to: '2026-03-01', tz: 'UTC', now: new Date() })).toThrow(
      RangeError,
    );
  });
});

describe('keptAnalyticsWindow', () => {
  it('gives the window analyticsWindow computes, the same one again on the same local day, frozen', () => {
    const input = { period: '90d' as const, tz: 'America/New_York', now: new Date('2026-06-10T15:00:00Z') };
    const kept = keptAnalyticsWindow(input);
    expect(kept).toEqual(analyticsWindow(input));
    expect(keptAnalyticsWindow({ ...input, now: new Date('2026-06-11T03:59:59Z') })).toBe(kept);
    expect(Object.isFrozen(kept) && Object.isFrozen(kept.days)).toBe(true);
  });

  it('moves on when the local day does, and keeps windows of other ranges and zones apart', () => {
    const input = { period: '7d' as const, tz: 'America/New_York', now: new Date('2026-06-10T15:00:00Z') };
    const kept = keptAnalyticsWindow(input);
    // 04:00 UTC is midnight in New York (EDT): the next local day.
    const next = keptAnalyticsWindow({ ...input, now: new Date('2026-06-11T04:00:00Z') });
    expect(next.to).toBe('2026-06-11');
    expect(kept.to).toBe('2026-06-10');
    expect(keptAnalyticsWindow({ ...input, tz: 'Europe/Berlin' }).tz).toBe('Europe/Berlin');
    expect(keptAnalyticsWindow({ ...input, period: '30d' }).days).toHaveLength(30);
    const custom = keptAnalyticsWindow({ ...input, from: '2026-01-01', to: '2026-01-31' });
    expect([custom.from, custom.to, custom.days.length]).toEqual(['2026-01-01', '2026-01-31', 31]);
  });
});

describe('date and zone helpers', () => {
  it('isIsoDate accepts real YYYY-MM-DD dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2999-12-31')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00:00Z',
      '1969-12-31',
      '3000-01-01',
      '9999-12-31',
      '',
      20260101,
      null,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('builds a window for every accepted date, the last one included (its edges stay four-digit years)', () => {
    const window = analyticsWindow({ from: '2999-12-31', to: '2999-12-31', tz: 'Pacific/Kiritimati', now: new Date() });
    expect(window.end.toISOString()).toBe('2999-12-31T10:00:00.000Z');
  });

  it('isKnownTimeZone accepts IANA names and refuses unknown names and offsets', () => {
    for (const good of ['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'europe/berlin'])
      expect(isKnownTimeZone(good)).toBe(true);
    for (const bad of ['Mars/Olympus', '+05:00', 'UTC+1', '', 'Europe/Berlin; DROP TABLE', 42, undefined])
      expect(isKnownTimeZone(bad)).toBe(false);
  });

  it('offsetAt gives the UTC offset in force at an instant', () => {
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });
});

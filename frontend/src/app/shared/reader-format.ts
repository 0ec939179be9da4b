import { inject, Injectable, InjectionToken } from '@angular/core';

/**
 * The reader's locale, from the browser. Angular's own pipes format with LOCALE_ID, which is en-US
 * unless locale data is bundled; Intl already knows every locale the browser does, at no bundle cost.
 */
export const READER_LOCALE = new InjectionToken<string>('READER_LOCALE', {
  providedIn: 'root',
  factory: () => browserLocale(),
});

function browserLocale(): string {
  const candidates = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const candidate of candidates) {
    try {
      if (candidate && Intl.NumberFormat.supportedLocalesOf(candidate).length > 0) {
        return candidate;
      }
    } catch {
      // A malformed language tag: try the next one.
    }
  }
  return 'en-US';
}

/** Shown where a figure does not exist (no ratings, nothing completed), never a misleading 0. */
export const NO_VALUE = '—';

/**
 * Numbers and dates written the way the reader expects them ("1,072" / "1.072", "87.8%" / "87,8 %").
 * Calendar dates from the API ("2026-11-24") are local dates: they are read and shown without any
 * time-zone shift.
 */
@Injectable({ providedIn: 'root' })
export class ReaderFormat {
  readonly locale = inject(READER_LOCALE);

  private readonly integerFormat = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
  private readonly oneDecimalFormat = new Intl.NumberFormat(this.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  private readonly minutesFormat = new Intl.NumberFormat(this.locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'short',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  private readonly shortDateFormat = new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'short' });
  private readonly longDateFormat = new Intl.DateTimeFormat(this.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  private readonly weekdayDateFormat = new Intl.DateTimeFormat(this.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  private readonly dateTimeFormat = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' });

  /** 1072 → "1,072". */
  count(value: number): string {
    return this.integerFormat.format(value);
  }

  /** 3.8 → "3.8"; always one decimal so a column of averages lines up. */
  decimal(value: number | null): string {
    return value === null ? NO_VALUE : this.oneDecimalFormat.format(value);
  }

  /** A share 0…1 → "87.8%" (at most one decimal). */
  percent(fraction: number | null, maximumFractionDigits = 1): string {
    if (fraction === null) {
      return NO_VALUE;
    }
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits }).format(fraction);
  }

  /** 14.4 → "14.4 min"; always one decimal, so 11 reads "11.0 min" beside "8.2 min". */
  minutes(value: number | null): string {
    return value === null ? NO_VALUE : this.minutesFormat.format(value);
  }

  /** "2026-11-24" → "24 Nov" (en-GB) / "Nov 24" (en-US). */
  shortDate(isoDate: string): string {
    return this.shortDateFormat.format(localDate(isoDate));
  }

  /** "2026-11-24" → "24 Nov 2026". */
  date(isoDate: string): string {
    return this.longDateFormat.format(localDate(isoDate));
  }

  /** "2026-11-24" → "Tue, 24 Nov 2026", for data tables where the weekday helps. */
  dateWithWeekday(isoDate: string): string {
    return this.weekdayDateFormat.format(localDate(isoDate));
  }

  /** "18 – 24 Nov 2026", letting Intl drop the repeated month and year. */
  dateRange(fromIsoDate: string, toIsoDate: string): string {
    if (fromIsoDate === toIsoDate) {
      return this.date(fromIsoDate);
    }
    return this.longDateFormat.formatRange(localDate(fromIsoDate), localDate(toIsoDate));
  }

  /** An instant ("2026-11-24T12:25:10Z") in the reader's time zone. */
  dateTime(isoInstant: string): string {
    return this.dateTimeFormat.format(new Date(isoInstant));
  }
}

/** "2026-11-24" as local midnight of that calendar day (so formatting never shifts it a day). */
export function localDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}

import type { Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

import { FLOW_REPORT, TEAM_REPORT, WEEK_SERIES } from '../../../../testing/analytics-fixtures';
import { settle } from '../../../../testing/fixtures';
import { OUTCOME_COLORS, SERIES_COLOR, UNFINISHED_COLOR } from '../../../shared/outcome-palette';
import { READER_LOCALE } from '../../../shared/reader-format';
import { CsatDistributionChartComponent } from './csat-distribution-chart.component';
import { CsatTrendChartComponent } from './csat-trend-chart.component';
import { OutcomeBreakdownChartComponent } from './outcome-breakdown-chart.component';
import { SessionsChartComponent } from './sessions-chart.component';

jest.setTimeout(20_000);

/** The real ngx-charts drawings (page tests leave them out to stay fast). */
describe('analytics charts', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideNoopAnimations(), { provide: READER_LOCALE, useValue: 'en-US' }],
    });
  });

  async function render<T>(component: Type<T>, inputs: Record<string, unknown>): Promise<ComponentFixture<T>> {
    const fixture = TestBed.createComponent(component);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await settle(fixture);
    return fixture;
  }

  function fills(fixture: ComponentFixture<unknown>, selector: string): string[] {
    const element = fixture.nativeElement as HTMLElement;
    return [...new Set(Array.from(element.querySelectorAll(selector)).map((bar) => bar.getAttribute('fill') ?? ''))];
  }

  it('stacks sessions per day in the outcome colours, with readable day ticks', async () => {
    const fixture = await render(SessionsChartComponent, { points: WEEK_SERIES });
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('[aria-hidden="true"] svg')).not.toBeNull();
    expect(element.querySelectorAll('g[ngx-charts-series-vertical]')).toHaveLength(7);
    expect(fills(fixture, 'path.bar').sort()).toEqual(
      [
        OUTCOME_COLORS.resolved,
        OUTCOME_COLORS.workaround,
        OUTCOME_COLORS.escalated,
        OUTCOME_COLORS.unresolved,
        UNFINISHED_COLOR,
      ].sort(),
    );
    const ticks = Array.from(element.querySelectorAll('g.x.axis g.tick text')).map((text) => text.textContent?.trim());
    expect(ticks[0]).toBe('Nov 18');
    expect(ticks).toContain('Nov 24');
    expect(Array.from(element.querySelectorAll('rf-chart-legend li')).map((item) => item.textContent?.trim())).toEqual([
      'Resolved',
      'Workaround',
      'Escalated',
      'Unresolved',
      'Not finished',
    ]);
  });

  it('draws CSAT as a line through the rated days only', async () => {
    const fixture = await render(CsatTrendChartComponent, { points: WEEK_SERIES });
    const element = fixture.nativeElement as HTMLElement;

    const line = element.querySelector('path.line');
    expect(line).not.toBeNull();
    expect(line!.getAttribute('stroke')).toBe(SERIES_COLOR);
    expect(
      Array.from(element.querySelectorAll('g.y.axis g.tick text')).map((text) => text.textContent?.trim()),
    ).toEqual(['1', '2', '3', '4', '5']);

    // One vertex per rated day (Nov 20 and 22 have no ratings: no point, no zero), each at its
    // day on the window's time axis and at its average on the 1–5 scale.
    const rated = WEEK_SERIES.filter((point) => point.avg_csat !== null);
    const vertices = [...line!.getAttribute('d')!.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map(([, x, y]) => ({
      x: Number(x),
      y: Number(y),
    }));
    expect(vertices).toHaveLength(rated.length);
    const dayIndex = (date: string) => WEEK_SERIES.findIndex((point) => point.date === date);
    const [first, last] = [vertices[0], vertices[vertices.length - 1]];
    const perDay = (last.x - first.x) / (dayIndex(rated[rated.length - 1].date) - dayIndex(rated[0].date));
    const perPoint = (last.y - first.y) / (rated[rated.length - 1].avg_csat! - rated[0].avg_csat!);
    vertices.forEach((vertex, i) => {
      expect(vertex.x - first.x).toBeCloseTo((dayIndex(rated[i].date) - dayIndex(rated[0].date)) * perDay, 1);
      expect(vertex.y - first.y).toBeCloseTo((rated[i].avg_csat! - rated[0].avg_csat!) * perPoint, 1);
    });
    // Time runs left to right; higher CSAT is drawn higher up.
    expect(perDay).toBeGreaterThan(10);
    expect(perPoint).toBeLessThan(-10);

    // The screen-reader table lists the same days.
    expect(
      Array.from(element.querySelectorAll('table tbody tr td:first-of-type')).map((cell) => cell.textContent?.trim()),
    ).toEqual(rated.map((point) => String(point.avg_csat!.toFixed(1))));
  });

  it('shows a message instead of an empty CSAT chart when nobody rated', async () => {
    const unrated = WEEK_SERIES.map((point) => ({ ...point, avg_csat: null, rating_count: 0 }));
    const fixture = await render(CsatTrendChartComponent, { points: unrated });
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('svg')).toBeNull();
    expect(element.textContent).toContain('No ratings were given in this period.');
  });

  it('labels each outcome bar with its count and share', async () => {
    const fixture = await render(OutcomeBreakdownChartComponent, { summary: TEAM_REPORT.summary });
    const element = fixture.nativeElement as HTMLElement;

    expect(fills(fixture, 'path.bar')).toEqual([
      OUTCOME_COLORS.resolved,
      OUTCOME_COLORS.workaround,
      OUTCOME_COLORS.escalated,
      OUTCOME_COLORS.unresolved,
    ]);
    expect(
      Array.from(element.querySelectorAll('text.textDataLabel')).map((label) => label.textContent?.trim()),
    ).toEqual(['580 · 62%', '130 · 14%', '160 · 17%', '71 · 8%']);
  });

  it('draws the CSAT distribution as five bars, best score first', async () => {
    const fixture = await render(CsatDistributionChartComponent, { distribution: FLOW_REPORT.csat_distribution });
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelectorAll('path.bar')).toHaveLength(5);
    expect(
      Array.from(element.querySelectorAll('g.y.axis g.tick text')).map((text) => text.textContent?.trim()),
    ).toEqual(['5 · Excellent', '4 · Good', '3 · Okay', '2 · Poor', '1 · Very poor']);
  });
});

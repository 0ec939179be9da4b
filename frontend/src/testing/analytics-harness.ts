import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { Component, NO_ERRORS_SCHEMA } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { BarChartModule, LineChartModule } from '@swimlane/ngx-charts';

import { provideApiConfiguration } from '../app/api/api-configuration';
import type { User } from '../app/core/api-types';
import { authGuard } from '../app/core/auth/auth.guard';
import { ANALYTICS_ROUTES, FLOW_ANALYTICS_ROUTES } from '../app/features/analytics/analytics.routes';
import { CsatDistributionChartComponent } from '../app/features/analytics/charts/csat-distribution-chart.component';
import { CsatTrendChartComponent } from '../app/features/analytics/charts/csat-trend-chart.component';
import { OutcomeBreakdownChartComponent } from '../app/features/analytics/charts/outcome-breakdown-chart.component';
import { SessionsChartComponent } from '../app/features/analytics/charts/sessions-chart.component';
import { READER_LOCALE } from '../app/shared/reader-format';
import { rememberSignedIn, settle } from './fixtures';

@Component({ template: '<h1>Flows</h1>' })
class FlowsStubComponent {}

export interface AnalyticsTestPage {
  harness: RouterTestingHarness;
  http: HttpTestingController;
  router: Router;
  location: Location;
  /** The routed page's element. */
  page(): HTMLElement;
  settle(): Promise<void>;
}

/**
 * Page tests leave the ngx-charts drawing out (d3 in jsdom costs seconds per render); everything
 * around it stays real: titles, legends, empty messages and the data tables screen readers get.
 * charts/charts.spec.ts renders the real charts.
 */
export function withoutChartDrawings(): void {
  for (const chart of [
    SessionsChartComponent,
    CsatTrendChartComponent,
    OutcomeBreakdownChartComponent,
    CsatDistributionChartComponent,
  ]) {
    TestBed.overrideComponent(chart, {
      remove: { imports: [BarChartModule, LineChartModule] },
      add: { schemas: [NO_ERRORS_SCHEMA] },
    });
  }
}

/**
 * Opens a URL of the analytics routes (with their real guards) as `user`, with HTTP mocked and
 * numbers formatted for `locale`. Resolves once the page has asked for its data.
 */
export async function openAnalytics(url: string, user: User, locale = 'en-US'): Promise<AnalyticsTestPage> {
  localStorage.clear();
  rememberSignedIn(user);
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'flows/:id/analytics', canActivate: [authGuard], children: FLOW_ANALYTICS_ROUTES },
        { path: 'flows', component: FlowsStubComponent },
        { path: 'analytics', canActivate: [authGuard], children: ANALYTICS_ROUTES },
      ]),
      provideLocationMocks(),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideApiConfiguration(''),
      provideNoopAnimations(),
      { provide: READER_LOCALE, useValue: locale },
    ],
  });
  withoutChartDrawings();
  const harness = await RouterTestingHarness.create();
  // What bootstrapping does in the app: the back button (a popstate) becomes a navigation.
  TestBed.inject(Router).setUpLocationChangeListener();
  await harness.navigateByUrl(url);
  const page: AnalyticsTestPage = {
    harness,
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
    location: TestBed.inject(Location),
    page: () => harness.routeNativeElement as HTMLElement,
    settle: () => settle(harness.fixture),
  };
  await page.settle();
  return page;
}

/** Text of an element as a reader sees it: each text piece trimmed, pieces joined by one space. */
export function textOf(element: Element | null | undefined): string {
  if (!element) {
    return '';
  }
  const pieces: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') {
      pieces.push(text);
    }
  }
  return pieces.join(' ');
}

/** The text of each cell of a table row. */
export function cells(row: Element): string[] {
  return Array.from(row.children).map((cell) => textOf(cell));
}

/** A Blob's contents (jsdom's Blob has no text()). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** The KPI card with this label: its value, trend (visible and spoken) and detail line. */
export function kpi(page: HTMLElement, label: string) {
  const card = Array.from(page.querySelectorAll('rf-kpi-card')).find(
    (element) => textOf(element.querySelector('.kpi__label')) === label,
  );
  if (!card) {
    throw new Error(`No KPI card "${label}"`);
  }
  const trend = card.querySelector('rf-trend')!;
  return {
    value: textOf(card.querySelector('.kpi__value')),
    trend: textOf(trend)
      .replace(textOf(trend.querySelector('.visually-hidden')), '')
      .trim(),
    spoken: textOf(trend.querySelector('.visually-hidden')),
    tone: ['good', 'bad', 'neutral', 'none'].find((tone) => trend.classList.contains(`trend--${tone}`)),
    detail: textOf(card.querySelector('.kpi__detail')),
  };
}

/** A button by its visible text. */
export function button(page: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(page.querySelectorAll('button')).find((element) => textOf(element) === text);
  if (!found) {
    throw new Error(`No button "${text}" in: ${Array.from(page.querySelectorAll('button')).map(textOf).join(' | ')}`);
  }
  return found;
}

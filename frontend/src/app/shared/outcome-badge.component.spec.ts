import { TestBed } from '@angular/core/testing';

import { settle } from '../../testing/fixtures';
import { OutcomeBadgeComponent } from './outcome-badge.component';
import { OUTCOME_COLORS, UNFINISHED_COLOR } from './outcome-palette';

describe('OutcomeBadgeComponent', () => {
  async function render(outcome: 'resolved' | 'escalated' | null) {
    const fixture = TestBed.createComponent(OutcomeBadgeComponent);
    fixture.componentRef.setInput('outcome', outcome);
    await settle(fixture);
    const badge = fixture.nativeElement.querySelector('.badge') as HTMLElement;
    const dot = badge.querySelector('.badge__dot') as HTMLElement;
    return { badge, dot };
  }

  /** The browser's rgb() spelling of a #rrggbb colour. */
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

  it('shows the outcome in words, with the dot in the colour its charts use', async () => {
    const { badge, dot } = await render('escalated');
    expect(badge.textContent?.trim()).toBe('Escalated');
    expect(badge.classList).toContain('badge--escalated');
    expect(dot.style.background).toBe(rgb(OUTCOME_COLORS.escalated));
    expect(dot.getAttribute('aria-hidden')).toBe('true');
  });

  it('reads "In progress" in the neutral colour until an outcome is recorded', async () => {
    const { badge, dot } = await render(null);
    expect(badge.textContent?.trim()).toBe('In progress');
    expect(dot.style.background).toBe(rgb(UNFINISHED_COLOR));
  });
});

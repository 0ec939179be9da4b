import { afterNextRender, computed, DestroyRef, ElementRef, inject, signal, type Signal } from '@angular/core';

import { FRAME_INSET } from './chart-series';

/**
 * The host element's width as a signal, for charts that pick their tick density and bar spacing
 * from the room they have (narrow windows, a sidebar that collapses). Falls back to `initial` where
 * ResizeObserver does not exist (tests).
 */
export function observeWidth(initial = 640): Signal<number> {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const destroyRef = inject(DestroyRef);
  const width = signal(initial);
  afterNextRender(() => {
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const measured = Math.round(entries[0]?.contentRect.width ?? 0);
      if (measured > 0) {
        width.set(measured);
      }
    });
    observer.observe(host.nativeElement);
    destroyRef.onDestroy(() => observer.disconnect());
  });
  return width.asReadonly();
}

/** The width a chart's plot may take inside its frame: the host's width less the frame, at least 200 px. */
export function observePlotWidth(initial = 640): Signal<number> {
  const width = observeWidth(initial);
  return computed(() => Math.max(200, width() - FRAME_INSET));
}

/**
 * About one tick label per `spacing` pixels, starting with the first day. The last day is added
 * too where its label has room (bar charts centre it inside the last band; a line chart's last
 * point sits on the edge, where its label would be clipped).
 */
export function spacedTicks<T>(values: readonly T[], width: number, spacing = 72, includeLast = true): T[] {
  const room = Math.max(2, Math.floor(width / spacing));
  if (values.length <= room) {
    return includeLast ? [...values] : values.slice(0, -1);
  }
  const step = Math.ceil((values.length - 1) / (room - 1));
  const ticks = values.filter((_, index) => index % step === 0);
  const lastIndex = values.length - 1;
  if (!includeLast) {
    return lastIndex % step === 0 ? ticks.slice(0, -1) : ticks;
  }
  if (lastIndex % step !== 0) {
    // Drop the tick just before the last one if the two would crowd each other.
    if (lastIndex % step < step / 2) {
      ticks.pop();
    }
    ticks.push(values[lastIndex]);
  }
  return ticks;
}

import { convertToParamMap } from '@angular/router';

import { engineerFromParams, selectionFromParams, selectionToParams } from './analytics-filters';

describe('analytics filters in the URL', () => {
  const read = (params: Record<string, string>) => selectionFromParams(convertToParamMap(params));

  it('reads a preset period or a custom range', () => {
    expect(read({ period: '90d' })).toEqual({ period: '90d' });
    expect(read({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('falls back to 30 days for anything the API would refuse', () => {
    expect(read({})).toEqual({ period: '30d' });
    expect(read({ period: '1y' })).toEqual({ period: '30d' });
    expect(read({ from: '2026-02-30', to: '2026-03-05' })).toEqual({ period: '30d' });
    expect(read({ from: '2026-10-31', to: '2026-10-01' })).toEqual({ period: '30d' });
    expect(read({ from: '2025-01-01', to: '2026-01-02' })).toEqual({ period: '30d' }); // 367 days
    expect(read({ from: '2025-01-01', to: '2026-01-01', period: '7d' })).toEqual({
      from: '2025-01-01',
      to: '2026-01-01',
    });
  });

  it('clears the other form of period when writing one', () => {
    expect(selectionToParams({ period: '7d' })).toEqual({ period: '7d', from: null, to: null });
    expect(selectionToParams({ from: '2026-10-01', to: '2026-10-31' })).toEqual({
      period: null,
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  it('accepts only a user id as the engineer filter', () => {
    expect(engineerFromParams(convertToParamMap({ engineer: '05e4ec32-a770-4959-a157-12f773cd9a80' }))).toBe(
      '05e4ec32-a770-4959-a157-12f773cd9a80',
    );
    expect(engineerFromParams(convertToParamMap({ engineer: 'tom' }))).toBeNull();
  });
});

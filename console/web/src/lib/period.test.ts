import { describe, expect, it } from 'vitest';

import { change, days, lengthInDays, periodOf, previous } from './period';

describe('periods of the statistics page', () => {
  it('a week and a month end today, and the previous period has the same length', () => {
    const week = periodOf('week', '2026-03-10');
    expect(week).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(previous(week)).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    const month = periodOf('month', '2026-03-10');
    expect(lengthInDays(month)).toBe(30);
    expect(previous({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });

  it('lists every day and words the change', () => {
    expect(days({ from: '2026-02-27', to: '2026-03-02' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(change(12, 10)).toBe('+20 %');
    expect(change(5, 10)).toBe('−50 %');
    expect(change(5, 0)).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';

import { href, parseRoute } from './router';

describe('hash routes', () => {
  it('parses the views', () => {
    expect(parseRoute('')).toEqual({ view: 'home' });
    expect(parseRoute('#/')).toEqual({ view: 'home' });
    expect(parseRoute('#/kanban')).toEqual({ view: 'kanban' });
    expect(parseRoute('#/stats/')).toEqual({ view: 'stats' });
    expect(parseRoute('#/appeals/5b1c')).toEqual({ view: 'appeal', id: '5b1c' });
    expect(parseRoute('#/appeals')).toEqual({ view: 'list' });
    expect(parseRoute('#/whatever')).toEqual({ view: 'home' });
    for (const view of ['users', 'shifts', 'audit', 'deadletters', 'teachers', 'password'] as const) {
      expect(parseRoute(`#/${view}`)).toEqual({ view });
    }
  });

  it('round-trips', () => {
    for (const r of [{ view: 'list' }, { view: 'federal' }, { view: 'kb' }, { view: 'appeal', id: 'a b/c' }] as const) {
      expect(parseRoute(href(r))).toEqual(r);
    }
  });
});

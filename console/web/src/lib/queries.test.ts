import { describe, expect, it } from 'vitest';

import { ApiError } from './api';
import { asList, errorText, keys, newQueryClient } from './queries';

describe('the query cache of the console', () => {
  it('a live event makes every appeal view stale, and nothing else', async () => {
    const client = newQueryClient();
    client.setQueryData(keys.counters, { NEW: 1 });
    client.setQueryData(keys.card('a-1'), { id: 'a-1' });
    client.setQueryData(keys.appeals('sort=-createdAt'), { items: [], total: 0 });
    client.setQueryData(keys.kanban('', ''), {});
    client.setQueryData(keys.roster, []);
    client.setQueryData(keys.campaigns, []);
    client.setQueryData(keys.get('/api/console/audit?limit=300'), []);
    await client.invalidateQueries({ queryKey: keys.live });
    const stale = (k: readonly unknown[]) => client.getQueryState(k)?.isInvalidated;
    expect([keys.counters, keys.card('a-1'), keys.appeals('sort=-createdAt'), keys.kanban('', ''), keys.roster].map(stale))
      .toEqual([true, true, true, true, true]);
    expect(stale(keys.campaigns)).toBe(false);
    expect(stale(keys.get('/api/console/audit?limit=300'))).toBe(false);
  });

  it('shows the server’s reason, else the view’s own text', () => {
    expect(errorText(new ApiError('Обращение не найдено', 404), 'Не удалось')).toBe('Обращение не найдено');
    expect(errorText(new TypeError('x'), 'Не удалось')).toBe('Не удалось');
  });

  it('reads a non-list answer as an empty list', () => {
    expect(asList({ items: [] })).toEqual([]);
    expect(asList([1, 2])).toEqual([1, 2]);
  });

  it('retries nothing: an error shows at once', () => {
    expect(newQueryClient().getDefaultOptions().queries?.retry).toBe(false);
  });
});

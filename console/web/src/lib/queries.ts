// Server state of the views in one TanStack Query cache: a view asks for a key, the cache fetches, drops the
// answers of superseded requests (no «cancelled» flags), keeps loading/error state and refetches what an action
// or a live event made stale. The HTTP details (token, refresh, 401 → logout) stay in lib/api.
import { QueryClient, useQuery, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { api, ApiError } from './api';

/**
 * The console's cache. No automatic retries (an error shows at once, as the server said it) and no refetch on
 * window focus: the views refresh after actions and on the live stream's events, as before the cache.
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/**
 * Query keys. Everything that an appeal event of the live stream can change sits under {@link LIVE}: one
 * invalidation of that prefix refreshes the counters, the list, the kanban, the open card and the shift roster.
 */
export const LIVE = 'live';
export const keys = {
  live: [LIVE] as const,
  counters: [LIVE, 'counters'] as const,
  appeals: (query: string) => [LIVE, 'appeals', query] as const,
  kanban: (region: string, q: string) => [LIVE, 'kanban', region, q] as const,
  card: (id: string) => [LIVE, 'card', id] as const,
  roster: [LIVE, 'roster'] as const,
  queue: [LIVE, 'queue'] as const,
  campaigns: ['campaigns'] as const,
  get: (path: string) => ['get', path] as const,
};

/** The message of an error for the user: the server's reason, else the view's own text. */
export function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.message : fallback;
}

/** GET a JSON path through the cache; `null` path: nothing to fetch (yet). */
export function useGet<T>(path: string | null, opts: { key?: QueryKey; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: opts.key ?? keys.get(path ?? ''),
    queryFn: () => api.get<T>(path!),
    enabled: path != null,
    refetchInterval: opts.refetchInterval,
  });
}

/** A GET answer that should be a list; anything else counts as an empty one (an older server's shape). */
export function asList<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : [];
}

/** The value after it stopped changing for `ms` (typing in a search field asks once, not per keystroke). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms <= 0) {
      setSettled(value);
      return;
    }
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return ms <= 0 ? value : settled;
}

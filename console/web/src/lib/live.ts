// Live updates for the views: the SSE stream while it works, a refresh every 10 s while it does not. Either way
// the views are told by invalidating the live queries of the cache (lib/queries): each refetches what it shows.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import { api } from './api';
import { keys } from './queries';
import { openStream, type StreamState } from './sse';
import type { AppealSummary } from './types';

export const POLL_MS = 10000;

export interface Live {
  state: StreamState | 'off';
}

export function useLive(enabled: boolean, token: string | null, onAppeal: (a: AppealSummary) => void,
  onUnauthorized: () => void): Live {
  const [state, setState] = useState<StreamState | 'off'>(enabled ? 'connecting' : 'off');
  const client = useQueryClient();
  const onAppealRef = useRef(onAppeal);
  const onUnauthorizedRef = useRef(onUnauthorized);
  onAppealRef.current = onAppeal;
  onUnauthorizedRef.current = onUnauthorized;

  useEffect(() => {
    if (!enabled || !token) {
      setState('off');
      return;
    }
    let pending: ReturnType<typeof setTimeout> | undefined;
    // a burst of events (a reply changes several things) becomes one refetch
    const bump = () => {
      clearTimeout(pending);
      pending = setTimeout(() => void client.invalidateQueries({ queryKey: keys.live }), 250);
    };
    const stop = openStream({
      url: '/api/console/stream',
      token: () => api.getToken(),
      onEvent: (e) => {
        if (e.event !== 'appeal') return;
        try {
          onAppealRef.current(JSON.parse(e.data) as AppealSummary);
        } catch {
          // a malformed event is only a hint to refetch
        }
        bump();
      },
      // a (re)connect may have missed events: refetch once it is live
      onState: (s) => {
        setState(s);
        if (s === 'live') bump();
      },
      onUnauthorized: () => onUnauthorizedRef.current(),
    });
    return () => {
      clearTimeout(pending);
      stop();
    };
  }, [enabled, token, client]);

  useEffect(() => {
    if (state !== 'polling') return;
    const t = setInterval(() => void client.invalidateQueries({ queryKey: keys.live }), POLL_MS);
    return () => clearInterval(t);
  }, [state, client]);

  return { state };
}

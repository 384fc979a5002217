// Live updates for the views: the SSE stream while it works, a refresh every 10 s while it does not.
import { useEffect, useRef, useState } from 'react';

import { api } from './api';
import { openStream, type StreamState } from './sse';
import type { AppealSummary } from './types';

export const POLL_MS = 10000;

export interface Live {
  state: StreamState | 'off';
  /** grows on every change worth a refetch (an event, a reconnect, a poll) */
  tick: number;
}

export function useLive(enabled: boolean, token: string | null, onAppeal: (a: AppealSummary) => void,
  onUnauthorized: () => void): Live {
  const [state, setState] = useState<StreamState | 'off'>(enabled ? 'connecting' : 'off');
  const [tick, setTick] = useState(0);
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
      pending = setTimeout(() => setTick((t) => t + 1), 250);
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
  }, [enabled, token]);

  useEffect(() => {
    if (state !== 'polling') return;
    const t = setInterval(() => setTick((x) => x + 1), POLL_MS);
    return () => clearInterval(t);
  }, [state]);

  return { state, tick };
}

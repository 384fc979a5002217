// A tiny hash router: the gateway serves index.html only for /console/, so the views live after the «#».
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'list' }
  | { view: 'kanban' }
  | { view: 'federal' }
  | { view: 'kb' }
  | { view: 'stats' }
  | { view: 'campaigns' }
  | { view: 'appeal'; id: string }
  | { view: 'home' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [head, arg] = path.split('/');
  switch (head) {
    case 'list':
    case 'kanban':
    case 'federal':
    case 'kb':
    case 'stats':
    case 'campaigns':
      return { view: head };
    case 'appeals':
      if (arg) return { view: 'appeal', id: decodeURIComponent(arg) };
      return { view: 'list' };
    default:
      return { view: 'home' };
  }
}

export function href(route: Route): string {
  if (route.view === 'appeal') return `#/appeals/${encodeURIComponent(route.id)}`;
  if (route.view === 'home') return '#/';
  return `#/${route.view}`;
}

export function navigate(route: Route) {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

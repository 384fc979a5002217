// A tiny hash router: the gateway serves index.html only for /console/, so the views live after the «#».
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'list' }
  | { view: 'kanban' }
  | { view: 'federal' }
  | { view: 'kb' }
  | { view: 'kb-entries' }
  | { view: 'stats'; region?: string }
  | { view: 'map' }
  | { view: 'users' }
  | { view: 'shifts' }
  | { view: 'audit' }
  | { view: 'deadletters' }
  | { view: 'teachers' }
  | { view: 'password' }
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
    case 'map':
    case 'kb-entries':
    case 'users':
    case 'shifts':
    case 'audit':
    case 'deadletters':
    case 'teachers':
    case 'password':
    case 'campaigns':
      return { view: head };
    case 'stats':
      return arg ? { view: 'stats', region: decodeURIComponent(arg) } : { view: 'stats' };
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
  if (route.view === 'stats' && route.region) return `#/stats/${encodeURIComponent(route.region)}`;
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

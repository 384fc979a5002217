// Filters of the appeal list ↔ the query string of GET /api/console/appeals.
import type { ColumnId } from './status';
import type { Status } from './types';

export type Sort = 'createdAt' | '-createdAt' | 'deadline' | '-deadline';

export interface Filters {
  statuses: Status[];
  /** kanban columns (the counters' figures): a chip of the counter bar opens the list of its column */
  columns: ColumnId[];
  overdue: '' | 'true' | 'false';
  from: string;
  to: string;
  rating: string;
  operator: string;
  region: string;
  q: string;
  sort: Sort;
  page: number;
  size: number;
}

export const DEFAULT_FILTERS: Filters = {
  statuses: [],
  columns: [],
  overdue: '',
  from: '',
  to: '',
  rating: '',
  operator: '',
  region: '',
  q: '',
  sort: '-createdAt',
  page: 0,
  size: 50,
};

export const MAX_PAGE_SIZE = 200;

/** Query string for the list (empty filters are left out); `withRegion` only for federal staff and admins. */
export function appealQuery(f: Filters, withRegion: boolean): string {
  const p = new URLSearchParams();
  if (f.statuses.length) p.set('status', f.statuses.join(','));
  if (f.columns?.length) p.set('column', f.columns.join(','));
  if (f.overdue) p.set('overdue', f.overdue);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.rating) p.set('rating', f.rating);
  if (f.operator.trim()) p.set('operator', f.operator.trim());
  if (withRegion && f.region) p.set('region', f.region);
  if (f.q.trim()) p.set('q', f.q.trim());
  p.set('sort', f.sort);
  p.set('page', String(Math.max(0, f.page)));
  p.set('size', String(Math.min(MAX_PAGE_SIZE, Math.max(1, f.size))));
  return p.toString();
}

/** Problems with the filters the user can fix before asking the server. */
export function filterProblem(f: Filters): string | null {
  if (f.from && f.to && f.from > f.to) return 'Начало периода позже его конца';
  return null;
}

/** Flip the sort on a column: first click descending (newest / latest deadline first), second ascending. */
export function toggleSort(current: Sort, field: 'createdAt' | 'deadline'): Sort {
  if (current === `-${field}`) return field;
  if (current === field) return `-${field}` as Sort;
  return field === 'deadline' ? 'deadline' : '-createdAt';
}

export function pageCount(total: number | null, size: number): number | null {
  if (total == null) return null;
  return Math.max(1, Math.ceil(total / size));
}

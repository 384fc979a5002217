// The kanban's data: every column is limited and paged on the server (GET /api/console/kanban for the first pages
// and each column's total, GET /api/console/kanban/{column}?after= for «Показать ещё»). Here: the requests and the
// pure state changes the view applies (a loaded page, a moved card, a refresh), so they can be tested without a
// browser.
import type { Api } from './api';
import { COLUMNS, columnOf, type ColumnId } from './status';
import type { AppealSummary, KanbanBoard, KanbanPage } from './types';

export const PAGE = 20;
/** The server gives at most this many cards per column in one request. */
export const MAX_PAGE = 100;


export interface ColumnState {
  total: number;
  items: AppealSummary[];
  next: string | null;
  /** the last card the server gave (where the next page starts): a card moved in up to here is shown */
  edge: Pick<AppealSummary, 'id' | 'deadline'> | null;
}

export type BoardState = Record<ColumnId, ColumnState>;

export interface BoardFilters {
  region?: string;
  q?: string;
}

function filterParams(f: BoardFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.region) p.set('region', f.region);
  if (f.q?.trim()) p.set('q', f.q.trim());
  return p;
}

export function boardUrl(f: BoardFilters, perColumn = PAGE): string {
  const p = filterParams(f);
  p.set('perColumn', String(Math.min(MAX_PAGE, Math.max(1, perColumn))));
  return `/api/console/kanban?${p}`;
}

export function moreUrl(column: ColumnId, after: string, f: BoardFilters, limit = PAGE): string {
  const p = filterParams(f);
  p.set('after', after);
  p.set('limit', String(limit));
  return `/api/console/kanban/${encodeURIComponent(column)}?${p}`;
}

export function loadBoard(api: Api, f: BoardFilters, perColumn = PAGE): Promise<KanbanBoard> {
  return api.get<KanbanBoard>(boardUrl(f, perColumn));
}

export function loadMore(api: Api, column: ColumnId, after: string, f: BoardFilters): Promise<KanbanPage> {
  return api.get<KanbanPage>(moreUrl(column, after, f));
}

export function emptyState(): BoardState {
  const s = {} as BoardState;
  for (const c of COLUMNS) s[c.id] = { total: 0, items: [], next: null, edge: null };
  return s;
}

/** The server's board as the view's state (a column the server did not send stays empty). */
export function fromBoard(board: KanbanBoard): BoardState {
  const s = emptyState();
  for (const page of board?.columns ?? []) {
    if (!(page.column in s)) continue;
    const items = page.items ?? [];
    s[page.column] = { total: page.total ?? 0, items, next: page.next ?? null, edge: edgeOf(items, null) };
  }
  return s;
}

/** «Показать ещё»: the next page after the loaded cards; a card already shown is not shown twice. */
export function appendPage(s: BoardState, page: KanbanPage): BoardState {
  const current = s[page.column];
  if (!current) return s;
  const known = new Set(current.items.map((a) => a.id));
  const items = [...current.items, ...(page.items ?? []).filter((a) => !known.has(a.id))];
  return {
    ...s,
    [page.column]: { total: page.total ?? current.total, items, next: page.next ?? null, edge: edgeOf(page.items ?? [], current.edge) },
  };
}

function edgeOf(items: AppealSummary[], previous: ColumnState['edge']): ColumnState['edge'] {
  const last = items[items.length - 1];
  return last ? { id: last.id, deadline: last.deadline } : previous;
}

const FAR = Number.POSITIVE_INFINITY;

function due(a: Pick<AppealSummary, 'deadline'>): number {
  return a.deadline ? Date.parse(a.deadline) : FAR;
}

/** The server's column order: nearest deadline first, none last, then the id. */
export function byDeadline(a: Pick<AppealSummary, 'id' | 'deadline'>, b: Pick<AppealSummary, 'id' | 'deadline'>): number {
  const d = due(a) - due(b);
  if (d !== 0 && !Number.isNaN(d)) return d < 0 ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A card changed (a move on the board, the server's answer to it): it leaves the column it was in and joins the one
 * it belongs to now; both totals follow. In the new column it is shown where the server would put it — unless that
 * is beyond the loaded cards, where «Показать ещё» will bring it.
 */
export function placeCard(s: BoardState, card: AppealSummary): BoardState {
  const target = columnOf(card);
  const next = { ...s };
  let found = false;
  for (const c of COLUMNS) {
    const col = next[c.id];
    if (col.items.some((a) => a.id === card.id)) {
      found = true;
      next[c.id] = { ...col, items: col.items.filter((a) => a.id !== card.id), total: Math.max(0, col.total - (c.id === target ? 0 : 1)) };
    }
  }
  const col = next[target];
  if (!col) return s;
  const total = found && s[target].items.some((a) => a.id === card.id) ? col.total : col.total + 1;
  const fits = col.next == null || (col.edge != null && byDeadline(card, col.edge) <= 0);
  const items = fits ? [...col.items, card].sort(byDeadline) : col.items;
  next[target] = { ...col, total, items };
  return next;
}

export function findCard(s: BoardState, id: string): AppealSummary | undefined {
  for (const c of COLUMNS) {
    const a = s[c.id].items.find((x) => x.id === id);
    if (a) return a;
  }
  return undefined;
}

/** How many cards a refresh should bring per column so that none the user has loaded disappears (up to the limit). */
export function refreshSize(s: BoardState): number {
  let most = PAGE;
  for (const c of COLUMNS) most = Math.max(most, s[c.id].items.length);
  return Math.min(MAX_PAGE, Math.ceil(most / PAGE) * PAGE);
}

export function allCards(s: BoardState): AppealSummary[] {
  return COLUMNS.flatMap((c) => s[c.id].items);
}

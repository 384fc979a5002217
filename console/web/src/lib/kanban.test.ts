import { describe, expect, it } from 'vitest';

import { Api } from './api';
import {
  appendPage, boardUrl, byDeadline, emptyState, findCard, fromBoard, loadBoard, loadMore, moreUrl, placeCard,
  refreshSize,
} from './kanban';
import type { AppealSummary, KanbanBoard } from './types';

function card(id: string, status: AppealSummary['status'], deadline: string | null, extra: Partial<AppealSummary> = {}): AppealSummary {
  return { id, status, deadline, region: '58', teacherFio: `Педагог ${id}`, text: 'Вопрос', createdAt: '2026-11-01T09:00:00Z', ...extra };
}

const board: KanbanBoard = {
  columns: [
    { column: 'NEW', title: 'Новое', total: 1643, items: [card('n1', 'NEW', '2026-12-02T21:00:00Z'), card('n2', 'NEW', '2026-12-03T21:00:00Z')], next: 'cursor-n2' },
    { column: 'IN_PROGRESS', title: 'В работе', total: 1, items: [card('p1', 'IN_PROGRESS', '2026-12-04T21:00:00Z')], next: null },
    { column: 'ANSWERED', title: 'Ответ отправлен', total: 0, items: [], next: null },
    { column: 'CLOSED', title: 'Закрыто', total: 0, items: [], next: null },
    { column: 'OVERDUE', title: 'Просрочено', total: 3, items: [card('o1', 'NEW', '2026-11-20T21:00:00Z', { overdue: true })], next: 'cursor-o1' },
    { column: 'FEDERAL', title: 'На федеральном контроле', total: 0, items: [], next: null },
  ],
};

describe('kanban requests', () => {
  it('asks the server for every column with a page size and the filters', () => {
    expect(boardUrl({})).toBe('/api/console/kanban?perColumn=20');
    const p = new URL(boardUrl({ region: '58', q: ' аттестация ' }, 500), 'http://x').searchParams;
    expect(p.get('region')).toBe('58');
    expect(p.get('q')).toBe('аттестация');
    expect(p.get('perColumn')).toBe('100');
  });

  it('asks for the next page of one column after its cursor, with the same filters', () => {
    const url = new URL(moreUrl('OVERDUE', 'abc_-1', { q: 'журнал' }), 'http://x');
    expect(url.pathname).toBe('/api/console/kanban/OVERDUE');
    expect(url.searchParams.get('after')).toBe('abc_-1');
    expect(url.searchParams.get('limit')).toBe('20');
    expect(url.searchParams.get('q')).toBe('журнал');
  });

  it('loads the board and a next page through the client', async () => {
    const asked: string[] = [];
    const api = new Api(async (input) => {
      asked.push(String(input));
      const body = String(input).includes('/kanban/NEW')
        ? { column: 'NEW', total: 1643, items: [card('n3', 'NEW', '2026-12-05T21:00:00Z')], next: 'cursor-n3' }
        : board;
      return new Response(JSON.stringify(body), { status: 200 });
    });
    const s = fromBoard(await loadBoard(api, {}));
    expect(s.NEW.total).toBe(1643);
    const more = await loadMore(api, 'NEW', s.NEW.next!, {});
    expect(asked[1]).toBe('/api/console/kanban/NEW?after=cursor-n2&limit=20');
    expect(appendPage(s, more).NEW.items.map((a) => a.id)).toEqual(['n1', 'n2', 'n3']);
  });
});

describe('kanban state', () => {
  it('shows each column with the total from the server, not the number of loaded cards', () => {
    const s = fromBoard(board);
    expect(s.NEW.total).toBe(1643);
    expect(s.NEW.items).toHaveLength(2);
    expect(s.NEW.next).toBe('cursor-n2');
    expect(s.IN_PROGRESS.next).toBeNull();
    expect(fromBoard({ columns: [] }).FEDERAL).toEqual({ total: 0, items: [], next: null, edge: null });
  });

  it('«Показать ещё» appends the next page once and takes its cursor and total', () => {
    const s = fromBoard(board);
    const next = appendPage(s, { column: 'NEW', total: 1644, items: [card('n2', 'NEW', '2026-12-03T21:00:00Z'), card('n3', 'NEW', '2026-12-05T21:00:00Z')], next: null });
    expect(next.NEW.items.map((a) => a.id)).toEqual(['n1', 'n2', 'n3']);
    expect(next.NEW.total).toBe(1644);
    expect(next.NEW.next).toBeNull();
    expect(next.IN_PROGRESS).toBe(s.IN_PROGRESS);
  });

  it('a moved card leaves its column and joins the new one; both counts follow', () => {
    const s = fromBoard(board);
    const moved = placeCard(s, { ...s.NEW.items[0], status: 'IN_PROGRESS' });
    expect(moved.NEW.total).toBe(1642);
    expect(moved.NEW.items.map((a) => a.id)).toEqual(['n2']);
    expect(moved.IN_PROGRESS.total).toBe(2);
    // in deadline order, as the server sorts
    expect(moved.IN_PROGRESS.items.map((a) => a.id)).toEqual(['n1', 'p1']);
    expect(findCard(moved, 'n1')?.status).toBe('IN_PROGRESS');
  });

  it('a refused move puts the card back where it was', () => {
    const s = fromBoard(board);
    const original = s.NEW.items[1];
    const tried = placeCard(s, { ...original, status: 'CLOSED' });
    expect(tried.CLOSED.items.map((a) => a.id)).toEqual(['n2']);
    const back = placeCard(tried, original);
    expect(back.NEW.items.map((a) => a.id)).toEqual(['n1', 'n2']);
    expect(back.NEW.total).toBe(1643);
    expect(back.CLOSED.total).toBe(0);
  });

  it('an overdue card stays in «Просрочено» when its status changes', () => {
    const s = fromBoard(board);
    const moved = placeCard(s, { ...s.OVERDUE.items[0], status: 'IN_PROGRESS' });
    expect(moved.OVERDUE.total).toBe(3);
    expect(moved.OVERDUE.items.map((a) => a.id)).toEqual(['o1']);
    expect(moved.IN_PROGRESS.total).toBe(1);
  });

  it('a card moved beyond the loaded part of a long column is counted there, and «Показать ещё» brings it', () => {
    const s = fromBoard(board);
    const late = placeCard(s, { ...s.IN_PROGRESS.items[0], status: 'NEW' });
    expect(late.NEW.total).toBe(1644);
    expect(late.NEW.items.map((a) => a.id)).toEqual(['n1', 'n2']);
    expect(late.IN_PROGRESS.total).toBe(0);
  });

  it('a refresh keeps as many cards per column as the user has loaded', () => {
    const s = emptyState();
    expect(refreshSize(s)).toBe(20);
    s.NEW = { total: 500, items: Array.from({ length: 41 }, (_, i) => card(`c${i}`, 'NEW', null)), next: 'x', edge: null };
    expect(refreshSize(s)).toBe(60);
    s.NEW = { total: 500, items: Array.from({ length: 300 }, (_, i) => card(`c${i}`, 'NEW', null)), next: 'x', edge: null };
    expect(refreshSize(s)).toBe(100);
  });

  it('orders by deadline with no deadline last, then by id', () => {
    const cards = [card('b', 'NEW', null), card('c', 'NEW', '2026-12-01T00:00:00Z'), card('a', 'NEW', null), card('d', 'NEW', '2026-11-30T00:00:00Z')];
    expect([...cards].sort(byDeadline).map((a) => a.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});

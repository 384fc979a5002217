import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { errorText, keys, useDebounced } from '../lib/queries';
import {
  allCards, appendPage, findCard, fromBoard, loadBoard, loadMore, PAGE, placeCard, refreshSize, type BoardState,
} from '../lib/kanban';
import { REGIONS } from '../lib/regions';
import { seesAllRegions } from '../lib/roles';
import { COLUMNS, columnOf, dropOnColumn, STATUS_LABEL, type ColumnId } from '../lib/status';
import type { AppealSummary, Session } from '../lib/types';
import { KanbanColumn } from './KanbanColumn';

interface Props {
  session: Session;
  remember: (items: AppealSummary[]) => void;
}

export function Kanban({ session, remember }: Props) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [dragging, setDragging] = useState<AppealSummary | null>(null);
  const [over, setOver] = useState<ColumnId | null>(null);
  const [pending, setPending] = useState<Record<string, true>>({});
  const [loadingMore, setLoadingMore] = useState<Partial<Record<ColumnId, true>>>({});
  const [region, setRegion] = useState('');
  const [q, setQ] = useState('');
  const allRegions = seesAllRegions(session);
  // typing in the search asks once it settles; clearing it asks at once
  const settledQ = useDebounced(q, q ? 300 : 0);
  const filters = useMemo(() => ({ region: allRegions ? region : '', q: settledQ }), [allRegions, region, settledQ]);
  const key = useMemo(() => keys.kanban(filters.region, filters.q), [filters]);

  // new filters start from the first pages; a refetch (a live change, a refused move) keeps as many cards per
  // column as the user has loaded
  const query = useQuery({
    queryKey: key,
    queryFn: async () => {
      const loaded = client.getQueryData<BoardState>(key);
      const s = fromBoard(await loadBoard(api, filters, loaded ? refreshSize(loaded) : PAGE));
      remember(allCards(s));
      return s;
    },
    placeholderData: keepPreviousData,
  });
  const board = query.data ?? null;
  // a failed refresh keeps the board it had, without a notice (as the live refresh always did)
  const error = query.isLoadingError ? errorText(query.error, 'Не удалось загрузить канбан') : null;
  const setBoard = useCallback((f: (b: BoardState | null) => BoardState | null) => {
    client.setQueryData<BoardState>(key, (b) => f(b ?? null) ?? undefined);
  }, [client, key]);
  const reload = () => void client.invalidateQueries({ queryKey: key, exact: true });

  const showMore = async (column: ColumnId) => {
    const after = board?.[column].next;
    if (!after || loadingMore[column]) return;
    setLoadingMore((m) => ({ ...m, [column]: true }));
    try {
      const page = await loadMore(api, column, after, filters);
      remember(page.items ?? []);
      setBoard((b) => (b ? appendPage(b, { ...page, column }) : b));
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : 'Не удалось загрузить карточки' });
    } finally {
      setLoadingMore((m) => {
        const { [column]: _, ...rest } = m;
        return rest;
      });
    }
  };

  const move = async (a: AppealSummary, column: ColumnId) => {
    const decision = dropOnColumn(a, column);
    if (!decision.target) {
      if (decision.reason) setMessage({ kind: 'error', text: decision.reason });
      return;
    }
    const target = decision.target;
    // an optimistic move: the card and both counts change now, the server's answer corrects them
    setPending((p) => ({ ...p, [a.id]: true }));
    setBoard((b) => (b ? placeCard(b, { ...a, status: target }) : b));
    setMessage(null);
    try {
      const updated = await api.post<AppealSummary | null>(`/api/console/appeals/${encodeURIComponent(a.id)}/status`, {
        status: target,
        version: a.version,
      });
      setBoard((b) => (b ? placeCard(b, updated && updated.id ? { ...a, ...updated } : { ...a, status: target }) : b));
      setMessage({ kind: 'ok', text: `«${a.teacherFio}»: статус «${STATUS_LABEL[target]}»` });
    } catch (e) {
      const reason = e instanceof ApiError ? (e.unavailable ? 'смена статуса пока недоступна на сервере' : e.message) : 'Не удалось сменить статус';
      setMessage({ kind: 'error', text: `Перенос отклонён: ${reason}` });
      // the server's state wins: the card goes back at once, then the board is read again (the version may have moved on)
      setBoard((b) => (b ? placeCard(b, a) : b));
      reload();
    } finally {
      setPending((p) => {
        const { [a.id]: _, ...rest } = p;
        return rest;
      });
    }
  };

  const onDragStart = (e: DragEvent, a: AppealSummary) => {
    e.dataTransfer.setData('text/plain', a.id);
    e.dataTransfer.effectAllowed = 'move';
    setDragging(a);
  };

  const columnProps = (id: ColumnId) => ({
    onDragOver: (e: DragEvent) => {
      if (!dragging) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== id) setOver(id);
    },
    onDragLeave: (e: DragEvent) => {
      if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node)) setOver((o) => (o === id ? null : o));
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const id2 = e.dataTransfer.getData('text/plain');
      const a = (board ? findCard(board, id2) : undefined) ?? dragging;
      setOver(null);
      setDragging(null);
      if (a) move(a, id);
    },
  });

  // a confirmation fades after a while; an error stays until the next action
  useEffect(() => {
    if (message?.kind !== 'ok') return;
    const t = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(t);
  }, [message]);

  return (
    <section aria-labelledby="kanban-title">
      <div className="view-head">
        <h1 id="kanban-title">Канбан</h1>
        <p className="muted small">
          Перетащите карточку в другую колонку, чтобы сменить статус. С клавиатуры — кнопкой «Перевести» в карточке
          обращения.
        </p>
      </div>
      <div className="filters card" role="search">
        <label className="grow">
          Поиск
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="текст вопроса или ФИО" />
        </label>
        {allRegions && (
          <label>
            Регион
            <select value={region} onChange={(e) => setRegion(e.target.value)}>
              <option value="">все регионы</option>
              {REGIONS.map((r) => (
                <option key={r.code} value={r.code}>{r.code} — {r.name}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div aria-live="assertive" className="kanban-message">
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {!board && !error && <Spinner />}
      {board && (
        <div className="kanban" onDragEnd={() => { setDragging(null); setOver(null); }}>
          {COLUMNS.map((col) => {
            const verdict = dragging ? dropOnColumn(dragging, col.id) : null;
            const cls = ['column', `column-${col.id.toLowerCase()}`];
            if (dragging && verdict?.allowed) cls.push('can-drop');
            if (dragging && !verdict?.allowed && columnOf(dragging) !== col.id) cls.push('no-drop');
            if (over === col.id) cls.push('over');
            return (
              <KanbanColumn key={col.id} col={col} column={board[col.id]} allRegions={allRegions} pending={pending}
                loading={!!loadingMore[col.id]} extraClass={cls.slice(2)} dropProps={columnProps(col.id)}
                onShowMore={() => showMore(col.id)} onDragStart={onDragStart} />
            );
          })}
        </div>
      )}
    </section>
  );
}

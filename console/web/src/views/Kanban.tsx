import { useEffect, useMemo, useState, type DragEvent } from 'react';

import { Deadline, Notice, Spinner, UnreadDot } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { MAX_PAGE_SIZE } from '../lib/query';
import { REGIONS } from '../lib/regions';
import { seesAllRegions } from '../lib/roles';
import { href } from '../lib/router';
import { COLUMNS, columnOf, dropOnColumn, STATUS_LABEL, type ColumnId } from '../lib/status';
import { shorten } from '../lib/text';
import type { AppealSummary, Session, Status } from '../lib/types';

interface Props {
  session: Session;
  tick: number;
  remember: (items: AppealSummary[]) => void;
}

export function Kanban({ session, tick, remember }: Props) {
  const [items, setItems] = useState<AppealSummary[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [dragging, setDragging] = useState<AppealSummary | null>(null);
  const [over, setOver] = useState<ColumnId | null>(null);
  const [pending, setPending] = useState<Record<string, Status>>({});
  const [region, setRegion] = useState('');
  const [q, setQ] = useState('');
  const allRegions = seesAllRegions(session);

  const load = useMemo(
    () => () => {
      const p = new URLSearchParams({ sort: 'deadline', page: '0', size: String(MAX_PAGE_SIZE) });
      if (allRegions && region) p.set('region', region);
      if (q.trim()) p.set('q', q.trim());
      return api.page<AppealSummary>(`/api/console/appeals?${p}`);
    },
    [allRegions, region, q],
  );

  useEffect(() => {
    let cancelled = false;
    const t = setTimeout(() => {
      load()
        .then((p) => {
          if (cancelled) return;
          setItems(p.items);
          setTotal(p.total);
          setError(null);
          remember(p.items);
        })
        .catch((e: unknown) => {
          if (!cancelled) setError(e instanceof ApiError ? e.message : 'Не удалось загрузить обращения');
        });
    }, q ? 300 : 0);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [load, tick, remember, q]);

  // an optimistic move shows the card in its new column until the server answers
  const shown = useMemo(
    () => (items ?? []).map((a) => (pending[a.id] ? { ...a, status: pending[a.id] } : a)),
    [items, pending],
  );

  const move = async (a: AppealSummary, column: ColumnId) => {
    const decision = dropOnColumn(a, column);
    if (!decision.target) {
      if (decision.reason) setMessage({ kind: 'error', text: decision.reason });
      return;
    }
    const target = decision.target;
    setPending((p) => ({ ...p, [a.id]: target }));
    setMessage(null);
    try {
      const updated = await api.post<AppealSummary | null>(`/api/console/appeals/${encodeURIComponent(a.id)}/status`, {
        status: target,
        version: a.version,
      });
      setItems((list) =>
        (list ?? []).map((x) => (x.id === a.id ? (updated && updated.id ? { ...x, ...updated } : { ...x, status: target }) : x)),
      );
      setMessage({ kind: 'ok', text: `«${a.teacherFio}»: статус «${STATUS_LABEL[target]}»` });
    } catch (e) {
      const reason = e instanceof ApiError ? (e.unavailable ? 'смена статуса пока недоступна на сервере' : e.message) : 'Не удалось сменить статус';
      setMessage({ kind: 'error', text: `Перенос отклонён: ${reason}` });
      // the server's state wins: refetch (the version may have moved on)
      load().then((p) => setItems(p.items)).catch(() => {});
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
      const a = (items ?? []).find((x) => x.id === id2) ?? dragging;
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
      {!items && !error && <Spinner />}
      {total != null && items && total > items.length && (
        <Notice kind="warn">Показаны {items.length} из {total} обращений (ближайшие по сроку). Остальные — в списке.</Notice>
      )}
      {items && (
        <div className="kanban" onDragEnd={() => { setDragging(null); setOver(null); }}>
          {COLUMNS.map((col) => {
            const cards = shown.filter((a) => columnOf(a) === col.id);
            const verdict = dragging ? dropOnColumn(dragging, col.id) : null;
            const cls = ['column', `column-${col.id.toLowerCase()}`];
            if (dragging && verdict?.allowed) cls.push('can-drop');
            if (dragging && !verdict?.allowed && columnOf(dragging) !== col.id) cls.push('no-drop');
            if (over === col.id) cls.push('over');
            return (
              <section key={col.id} className={cls.join(' ')} aria-labelledby={`col-${col.id}`} data-column={col.id} {...columnProps(col.id)}>
                <h2 id={`col-${col.id}`}>
                  {col.title} <span className="count">({cards.length})</span>
                </h2>
                {col.hint && <p className="hint">{col.hint}</p>}
                <ul>
                  {cards.map((a) => (
                    <li key={a.id} className={`kcard${a.unread ? ' unread' : ''}${pending[a.id] ? ' pending' : ''}`} draggable
                      data-appeal-id={a.id} onDragStart={(e) => onDragStart(e, a)}>
                      <div className="kcard-head">
                        <UnreadDot unread={a.unread} />
                        <a href={href({ view: 'appeal', id: a.id })} draggable={false}>{a.teacherFio}</a>
                        {allRegions && <span className="region-tag" title={a.regionName ?? undefined}>{a.region}</span>}
                      </div>
                      <p>{shorten(a.text ?? '', 110)}</p>
                      <div className="kcard-foot">
                        {a.deadline && <Deadline deadline={a.deadline} status={a.status} />}
                        {a.overdue && col.id !== 'OVERDUE' && <span className="badge badge-overdue">Просрочено</span>}
                        {(col.id === 'OVERDUE' || col.id === 'FEDERAL') && a.status !== col.id ? (
                          <span className="muted small">{STATUS_LABEL[a.status]}</span>
                        ) : null}
                        {a.controlledBy && <span className="muted small">на контроле: {a.controlledBy}</span>}
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';

import { Deadline, Notice, Spinner, StatusBadge, UnreadDot } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { errorText, keys } from '../lib/queries';
import { appealQuery, DEFAULT_FILTERS, filterProblem, pageCount, toggleSort, type Filters, type Sort } from '../lib/query';
import { REGIONS, regionZone } from '../lib/regions';
import { seesAllRegions } from '../lib/roles';
import { navigate, href } from '../lib/router';
import { COLUMNS, STATUSES, STATUS_LABEL, type ColumnId } from '../lib/status';
import { shorten } from '../lib/text';
import { deadlineLabel, formatDateTime } from '../lib/time';
import type { AppealSummary, Session, Status } from '../lib/types';

interface Props {
  session: Session;
  filters: Filters;
  setFilters: (f: Filters) => void;
  remember: (items: AppealSummary[]) => void;
  /** the federal-control queue: status FEDERAL fixed */
  federalQueue?: boolean;
}

/** Who has the appeal: the federal specialist who took control, the operator, or a queue. */
export function holderText(a: AppealSummary) {
  if (a.controlledBy) return a.controlledBy;
  if (a.assignedOperator) return a.assignedOperator;
  return <span className="muted">{a.target === 'FEDERAL_QUEUE' || a.status === 'FEDERAL' ? 'федеральная очередь' : 'очередь региона'}</span>;
}

export function AppealList({ session, filters, setFilters, remember, federalQueue }: Props) {
  // an export's failure: shown until the list is read again
  const [exportError, setExportError] = useState<string | null>(null);
  const [q, setQ] = useState(filters.q);
  const allRegions = seesAllRegions(session);

  const effective: Filters = useMemo(
    () => (federalQueue ? { ...filters, statuses: ['FEDERAL'] as Status[], columns: [] } : filters),
    [filters, federalQueue],
  );
  const problem = filterProblem(effective);

  // search as you type, without a request per keystroke
  useEffect(() => {
    if (q === filters.q) return;
    const t = setTimeout(() => setFilters({ ...filters, q, page: 0 }), 350);
    return () => clearTimeout(t);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setQ(filters.q);
  }, [filters.q]);

  const query = appealQuery(effective, allRegions);
  const list = useQuery({
    queryKey: keys.appeals(query),
    queryFn: async () => {
      const p = await api.page<AppealSummary>(`/api/console/appeals?${query}`);
      remember(p.items);
      return p;
    },
    enabled: !problem,
    // other filters keep the rows on screen until their own answer is there
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? null;
  const total = list.data?.total ?? null;
  const loadError = list.isError ? errorText(list.error, 'Не удалось загрузить обращения') : null;
  useEffect(() => {
    if (list.dataUpdatedAt) setExportError(null);
  }, [list.dataUpdatedAt]);
  const error = exportError ?? loadError;

  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch, page: patch.page ?? 0 });
  const pages = pageCount(total, effective.size);
  const toggleStatus = (s: Status) =>
    set({ statuses: filters.statuses.includes(s) ? filters.statuses.filter((x) => x !== s) : [...filters.statuses, s] });

  const sortHeader = (field: 'createdAt' | 'deadline', label: string) => {
    const dir = effective.sort === field ? 'ascending' : effective.sort === `-${field}` ? 'descending' : 'none';
    return (
      <th aria-sort={dir}>
        <button type="button" className="th-sort" onClick={() => set({ sort: toggleSort(effective.sort, field) })}>
          {label} {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : ''}
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="list-title">
      <div className="view-head">
        <h1 id="list-title">{federalQueue ? 'Федеральный контроль' : 'Обращения'}</h1>
        <span className="muted" role="status">
          {total != null ? `Найдено: ${total}` : items ? `Показано: ${items.length}` : ''}
        </span>
      </div>

      <form className="filters card" role="search" aria-label="Фильтры обращений" onSubmit={(e) => e.preventDefault()}>
        <label className="grow">
          Поиск по тексту вопроса и ФИО
          <input type="search" value={q} placeholder="например, аттестация или Петрова" onChange={(e) => setQ(e.target.value)} />
        </label>
        {!federalQueue && (
          <fieldset className="statuses">
            <legend>Статус</legend>
            {STATUSES.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={filters.statuses.includes(s)} onChange={() => toggleStatus(s)} />
                {STATUS_LABEL[s]}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          Просрочка
          <select value={filters.overdue} onChange={(e) => set({ overdue: e.target.value as Filters['overdue'] })}>
            <option value="">все</option>
            <option value="true">только просроченные</option>
            <option value="false">без просрочки</option>
          </select>
        </label>
        {!federalQueue && (
          <label>
            Колонка канбана
            <select value={filters.columns[0] ?? ''}
              onChange={(e) => set({ columns: e.target.value ? [e.target.value as ColumnId] : [] })}>
              <option value="">все</option>
              {COLUMNS.map((c) => (
                <option key={c.id} value={c.id}>{c.title}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Поступило с
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          по
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          Оценка педагога
          <select value={filters.rating} onChange={(e) => set({ rating: e.target.value })}>
            <option value="">любая</option>
            {[5, 4, 3, 2, 1].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Оператор
          <input value={filters.operator} placeholder="логин" onChange={(e) => set({ operator: e.target.value })} size={12} />
        </label>
        {allRegions && (
          <label>
            Регион
            <select value={filters.region} onChange={(e) => set({ region: e.target.value })}>
              <option value="">все регионы</option>
              {REGIONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} — {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Сортировка
          <select value={filters.sort} onChange={(e) => set({ sort: e.target.value as Sort })}>
            <option value="-createdAt">сначала новые</option>
            <option value="createdAt">сначала старые</option>
            <option value="deadline">ближайший срок ответа</option>
            <option value="-deadline">дальний срок ответа</option>
          </select>
        </label>
        <button type="button" className="btn-ghost-dark" onClick={() => { setQ(''); setFilters(DEFAULT_FILTERS); }}>
          Сбросить
        </button>
        <button type="button" className="btn-secondary" disabled={!!problem} onClick={() => {
          const p = new URLSearchParams(appealQuery(effective, allRegions));
          p.delete('page');
          p.delete('size');
          api.download(`/api/console/appeals/export.csv?${p}`, 'obrashcheniya.csv').catch((e: unknown) =>
            setExportError(e instanceof ApiError ? (e.unavailable ? 'Выгрузка пока недоступна на сервере' : e.message) : 'Выгрузка не удалась'));
        }}>
          Выгрузить CSV
        </button>
      </form>

      {problem && <Notice kind="warn">{problem}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {!items && !error && <Spinner />}
      {items && items.length === 0 && <Notice>Обращений по этим условиям нет.</Notice>}
      {items && items.length > 0 && (
        <div className="card table-wrap">
          <table className="appeals">
            <caption className="sr-only">Обращения педагогов</caption>
            <thead>
              <tr>
                <th scope="col"><span className="sr-only">Непрочитано</span></th>
                {sortHeader('createdAt', 'Поступило')}
                {allRegions && <th scope="col">Регион</th>}
                <th scope="col">Педагог</th>
                <th scope="col">Вопрос</th>
                <th scope="col">Статус</th>
                {sortHeader('deadline', 'Срок ответа')}
                <th scope="col">Оператор</th>
                <th scope="col">Оценка</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className={a.unread ? 'unread' : undefined} data-appeal-id={a.id}
                  onClick={(e) => { if (!(e.target as HTMLElement).closest('a')) navigate({ view: 'appeal', id: a.id }); }}>
                  <td><UnreadDot unread={a.unread} /></td>
                  <td className="nowrap">{formatDateTime(a.createdAt)}</td>
                  {allRegions && <td title={a.regionName ?? undefined}>{a.region}</td>}
                  <td><a href={href({ view: 'appeal', id: a.id })}>{a.teacherFio}</a></td>
                  <td className="question">
                    {shorten(a.text ?? '', 140)}
                    {federalQueue && a.escalationReason && (
                      <div className="escalation-reason">Причина: {shorten(a.escalationReason, 200)}</div>
                    )}
                  </td>
                  <td><StatusBadge appeal={a} /></td>
                  <td className="nowrap">
                    {a.deadline && <div className="deadline-day">{deadlineLabel(a.deadlineDay, a.deadline, regionZone(a.region), !allRegions)}</div>}
                    <Deadline deadline={a.deadline} status={a.status} />
                  </td>
                  <td>{holderText(a)}</td>
                  <td>{a.rating != null ? `${a.rating} из 5` : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items && (
        <nav className="pager" aria-label="Страницы">
          <button type="button" disabled={effective.page === 0} onClick={() => set({ page: effective.page - 1 })}>
            ← Назад
          </button>
          <span>
            Страница {effective.page + 1}
            {pages != null ? ` из ${pages}` : ''}
          </span>
          <button type="button"
            disabled={pages != null ? effective.page + 1 >= pages : items.length < effective.size}
            onClick={() => set({ page: effective.page + 1 })}>
            Вперёд →
          </button>
          <label className="inline">
            по
            <select value={filters.size} onChange={(e) => set({ size: Number(e.target.value) })}>
              {[25, 50, 100, 200].map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
            на странице
          </label>
        </nav>
      )}
    </section>
  );
}

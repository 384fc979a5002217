import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api } from '../lib/api';
import { asList, errorText, keys } from '../lib/queries';
import { seesAllRegions, worksShifts } from '../lib/roles';
import { shorten } from '../lib/text';
import { formatDateTime } from '../lib/time';
import type { AppealSummary, MyShift, RosterRow, Session } from '../lib/types';

/**
 * «Смены»: an operator goes on and off shift (coming on shift takes the region's queue); heads, federal staff and
 * admins see who is on shift and which new appeals wait without an operator.
 */
export function Shifts({ session }: { session: Session }) {
  return (
    <section aria-labelledby="shifts-title">
      <div className="view-head">
        <h1 id="shifts-title">Смены</h1>
      </div>
      {worksShifts(session) ? <OwnShift /> : <Roster session={session} />}
    </section>
  );
}

const MY_SHIFT = keys.get('/api/routing/shifts/me');

function OwnShift() {
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const shift = useQuery({ queryKey: MY_SHIFT, queryFn: () => api.get<MyShift>('/api/routing/shifts/me') });
  const change = useMutation({
    mutationFn: (start: boolean) => api.post<MyShift>(`/api/routing/shifts/${start ? 'start' : 'end'}`),
    onMutate: () => setDone(null),
    onSuccess: (r, start) => {
      client.setQueryData(MY_SHIFT, r);
      setDone(start ? `Вы на смене. Из очереди региона взято обращений: ${r.movedAppeals ?? 0}`
        : `Смена завершена${r.movedAppeals ? `, передано коллегам: ${r.movedAppeals}` : ''}`);
    },
  });
  const me = shift.data ?? null;
  const error = change.isError ? errorText(change.error, 'Не удалось изменить смену')
    : shift.isError ? errorText(shift.error, 'Смена недоступна') : null;
  const busy = change.isPending;
  const act = (start: boolean) => change.mutate(start);

  if (!me && !error) return <Spinner />;
  return (
    <div className="card">
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="ok">{done}</Notice>}
      {me && (
        <>
          <p className="shift-state" role="status">
            {me.onShift ? <strong>Вы на смене</strong> : <strong>Вы не на смене</strong>}
            {me.regionName ? ` · ${me.regionName}` : ''} · открытых обращений: {me.openAppeals ?? 0}
          </p>
          {me.onShift ? (
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => act(false)}>Завершить смену</button>
          ) : (
            <button type="button" className="btn-primary" disabled={busy} onClick={() => act(true)}>Выйти на смену</button>
          )}
          <p className="muted small">
            Пока вы на смене, новые обращения региона распределяются и вам. При уходе со смены ваши обращения
            {me.offShiftPolicy === 'RETURN' ? ' передаются коллегам на смене.' : ' остаются у вас.'}
          </p>
        </>
      )}
    </div>
  );
}

function Roster({ session }: { session: Session }) {
  const roster = useQuery({ queryKey: keys.roster, queryFn: () => api.get<RosterRow[]>('/api/routing/operators').then(asList<RosterRow>) });
  const waiting = useQuery({
    queryKey: keys.queue,
    queryFn: () => api.get<AppealSummary[]>('/api/console/appeals?column=NEW&sort=createdAt&size=200')
      .then((r) => asList<AppealSummary>(r).filter((a) => !a.assignedOperator))
      .catch(() => [] as AppealSummary[]),
  });
  const rows = roster.data ?? null;
  const queue = waiting.data ?? null;
  const error = roster.isError ? errorText(roster.error, 'Реестр операторов недоступен') : null;

  const onShift = (rows ?? []).filter((r) => r.onShift).length;
  return (
    <>
      {error && <Notice kind="error">{error}</Notice>}
      {!rows && !error && <Spinner />}
      {rows && (
        <div className="card table-wrap">
          <p className="table-caption">
            На смене: <strong>{onShift}</strong> из {rows.length}
            {!seesAllRegions(session) && session.regionName ? ` · ${session.regionName}` : ''}
          </p>
          <table className="roster">
            <thead>
              <tr>
                <th scope="col">Оператор</th>
                <th scope="col">Регион</th>
                <th scope="col">Смена</th>
                <th scope="col" className="num">Открытых обращений</th>
                <th scope="col">Последнее назначение</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.username} data-username={r.username}>
                  <th scope="row">{r.username}</th>
                  <td>{r.regionName ?? r.region}</td>
                  <td>{r.onShift ? 'на смене' : 'не на смене'}</td>
                  <td className="num">{r.openAppeals}</td>
                  <td>{r.lastAssignedAt ? formatDateTime(r.lastAssignedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Очередь: новые обращения без оператора ({queue?.length ?? '…'})</h2>
      {queue && queue.length === 0 && <Notice>Очередь пуста.</Notice>}
      {queue && queue.length > 0 && (
        <ul className="queue">
          {queue.map((a) => (
            <li key={a.id}>
              <a href={`#/appeals/${encodeURIComponent(a.id)}`}>{formatDateTime(a.createdAt)} · {a.regionName ?? a.region} · {shorten(a.text ?? '', 90)}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

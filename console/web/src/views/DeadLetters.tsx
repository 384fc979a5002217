import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { keys } from '../lib/queries';
import { formatDateTime } from '../lib/time';
import type { DeadLetter, DeadLetterReplayed } from '../lib/types';

export const SERVICES = ['intake-service', 'answer-service', 'routing-service', 'operator-service',
  'analytics-service', 'followup-service'];

interface Row extends DeadLetter {
  service: string;
}

/**
 * «Недоставленные события»: what the services' consumers gave up on, from every service; an admin replays one
 * through the consumer's own path (a replay of an event already applied changes nothing).
 */
export function DeadLetters() {
  const [pendingOnly, setPendingOnly] = useState(true);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const client = useQueryClient();
  // every service at once; one that does not answer is a warning, not a failure of the page
  const query = useQuery({
    queryKey: [...keys.get('/api/admin/dead-letters'), pendingOnly],
    queryFn: async () => {
      const failed: string[] = [];
      const lists = await Promise.all(SERVICES.map((service) => api
        .get<DeadLetter[]>(`/api/admin/dead-letters/${service}?pending=${pendingOnly}&limit=200`)
        .then((list) => (Array.isArray(list) ? list : []).map((d) => ({ ...d, service })))
        .catch((e: unknown) => {
          failed.push(`${service}: ${e instanceof ApiError ? e.message : 'недоступен'}`);
          return [] as Row[];
        })));
      return { rows: lists.flat().sort((a, b) => b.failedAt.localeCompare(a.failedAt)), problems: failed };
    },
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.rows ?? null;
  const problems = query.data?.problems ?? [];
  const load = () => void client.invalidateQueries({ queryKey: keys.get('/api/admin/dead-letters') });

  const replay = async (r: Row) => {
    setMessage(null);
    try {
      const res = await api.post<DeadLetterReplayed>(`/api/admin/dead-letters/${r.service}/${r.id}/replay`);
      setMessage({ kind: 'ok', text: res.outcome === 'REPLAYED' ? `Событие ${r.id} (${r.service}) применено`
        : `Событие ${r.id} уже было применено — ничего не изменено` });
      load();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : 'Повтор не удался' });
    }
  };

  return (
    <section aria-labelledby="dl-title">
      <div className="view-head">
        <h1 id="dl-title">Недоставленные события</h1>
      </div>
      <form className="filters card" onSubmit={(e) => e.preventDefault()}>
        <label>
          <input type="checkbox" checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)} /> только
          не применённые
        </label>
        <button type="button" className="btn-secondary" onClick={load}>Обновить</button>
      </form>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {problems.map((p) => <Notice key={p} kind="warn">{p}</Notice>)}
      {!rows && <Spinner />}
      {rows && rows.length === 0 && <Notice kind="ok">Недоставленных событий нет.</Notice>}
      {rows && rows.length > 0 && (
        <div className="card table-wrap">
          <table className="dead-letters">
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Сервис</th>
                <th scope="col">Топик</th>
                <th scope="col">Ошибка</th>
                <th scope="col">Запись</th>
                <th scope="col">Действие</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.service}-${r.id}`}>
                  <td>{formatDateTime(r.failedAt)}</td>
                  <td>{r.service}</td>
                  <td>{r.topic} <span className="muted small">{r.partition}@{r.offset}</span></td>
                  <td>{r.error}</td>
                  <td><details><summary>показать</summary><pre className="payload">{r.payload}</pre></details></td>
                  <td>
                    {r.replayed ? 'применено' : (
                      <button type="button" className="btn-secondary" onClick={() => replay(r)}>Повторить</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

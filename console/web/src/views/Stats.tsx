import { useEffect, useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { regionName } from '../lib/regions';
import type { RegionStats } from '../lib/types';

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

/** GET /api/analytics/summary: per region — received, answered by the AI, routed, answered, average rating. */
export function Stats() {
  const [rows, setRows] = useState<RegionStats[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  useEffect(() => {
    if (from && to && from > to) {
      setError('Начало периода позже его конца');
      return;
    }
    const p = new URLSearchParams();
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    let cancelled = false;
    api
      .get<RegionStats[]>(`/api/analytics/summary${p.toString() ? `?${p}` : ''}`)
      .then((r) => {
        if (cancelled) return;
        setRows(Array.isArray(r) ? r : []);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof ApiError ? e.message : 'Статистика недоступна');
      });
    return () => {
      cancelled = true;
    };
  }, [from, to]);

  const sum = (k: keyof RegionStats) => (rows ?? []).reduce((s, r) => s + (Number(r[k]) || 0), 0);
  const rated = (rows ?? []).filter((r) => r.ratingAvg != null);
  const ratingWeight = rated.reduce((s, r) => s + (r.ratingCount ?? 1), 0);
  const avg = ratingWeight
    ? rated.reduce((s, r) => s + (r.ratingAvg as number) * (r.ratingCount ?? 1), 0) / ratingWeight
    : null;

  return (
    <section aria-labelledby="stats-title">
      <div className="view-head">
        <h1 id="stats-title">Статистика по регионам</h1>
      </div>
      <form className="filters card" onSubmit={(e) => e.preventDefault()} aria-label="Период">
        <label>Период с<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>по<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <p className="muted small">Без дат — за всё время. Дни считаются по московскому времени.</p>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {!rows && !error && <Spinner />}
      {rows && rows.length === 0 && <Notice>За этот период обращений не было.</Notice>}
      {rows && rows.length > 0 && (
        <div className="card table-wrap">
          <table className="stats">
            <thead>
              <tr>
                <th scope="col">Регион</th>
                <th scope="col" className="num">Получено</th>
                <th scope="col" className="num">Ответил ИИ</th>
                <th scope="col" className="num">Передано оператору</th>
                <th scope="col" className="num">Отвечено</th>
                <th scope="col" className="num">Просрочено</th>
                <th scope="col" className="num">Средняя оценка</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.region}>
                  <th scope="row">{r.regionName ?? regionName(r.region)} <span className="muted">({r.region})</span></th>
                  <td className="num">{r.received}</td>
                  <td className="num">{r.autoAnswered} <span className="muted small">{pct(r.autoAnswered, r.received)}</span></td>
                  <td className="num">{r.routed}</td>
                  <td className="num">{r.answered}</td>
                  <td className="num">{r.overdue ?? '—'}</td>
                  <td className="num">{r.ratingAvg != null ? r.ratingAvg.toFixed(2) : '—'}{r.ratingCount ? <span className="muted small"> ({r.ratingCount})</span> : null}</td>
                </tr>
              ))}
            </tbody>
            {rows.length > 1 && (
              <tfoot>
                <tr>
                  <th scope="row">Всего</th>
                  <td className="num">{sum('received')}</td>
                  <td className="num">{sum('autoAnswered')} <span className="muted small">{pct(sum('autoAnswered'), sum('received'))}</span></td>
                  <td className="num">{sum('routed')}</td>
                  <td className="num">{sum('answered')}</td>
                  <td className="num">{sum('overdue')}</td>
                  <td className="num">{avg != null ? avg.toFixed(2) : '—'}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}

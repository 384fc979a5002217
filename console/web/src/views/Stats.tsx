import { useMemo, useState } from 'react';

import { Chart, type ChartOption } from '../components/Chart';
import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { change, days, type Period } from '../lib/period';
import { regionName } from '../lib/regions';
import { href, navigate } from '../lib/router';
import type { Figures } from '../lib/types';
import { CampaignRates } from './CampaignRates';
import { duration, PeriodBar, query, totals, useFigures, usePeriod } from './StatsPeriod';

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)} %` : '—');

/**
 * «Статистика»: a period compared with the one before it, dynamics by day (appeals by outcome, average rating,
 * time to answer), the regions' table (sortable; a row opens the region) and the XLSX report. With `region`, the
 * same for one region, with a way to its appeals. The server limits a regional user to their own region.
 */
export function Stats({ region, seesAll, onOpenAppeals }: {
  region?: string;
  seesAll: boolean;
  onOpenAppeals?: (region: string, period: Period) => void;
}) {
  const state = usePeriod();
  const { period, before } = state;
  const daily = useFigures('daily', period, region);
  const dailyBefore = useFigures('daily', before, region);
  const regions = useFigures('regions', period, region);
  const error = daily.error ?? regions.error;

  return (
    <section aria-labelledby="stats-title" className="stats-page">
      <div className="view-head">
        <h1 id="stats-title">{region ? `Статистика: ${regionName(region)}` : 'Статистика по регионам'}</h1>
        <div className="view-actions">
          {region && seesAll && <a href={href({ view: 'stats' })}>← Все регионы</a>}
          {region && onOpenAppeals && (
            <button type="button" className="btn" onClick={() => onOpenAppeals(region, period)}>
              Обращения региона за период
            </button>
          )}
          <ExportButton period={period} region={region} />
        </div>
      </div>
      <PeriodBar state={state} />
      {error && <Notice kind="error">{error}</Notice>}
      {!error && (!daily.rows || !regions.rows) && <Spinner />}
      {daily.rows && regions.rows && (
        <>
          <Cards now={daily.rows} before={dailyBefore.rows ?? []} />
          <Dynamics rows={daily.rows} period={period} />
          {!region && <RegionTable rows={regions.rows} />}
          <CampaignRates period={period} region={region} />
        </>
      )}
    </section>
  );
}

function Cards({ now, before }: { now: Figures[]; before: Figures[] }) {
  const a = totals(now);
  const b = totals(before);
  const cards = [
    { label: 'Поступило', value: String(a.appeals), delta: change(a.appeals, b.appeals) },
    { label: 'Ответил ИИ', value: `${a.autoAnswered} (${pct(a.autoAnswered, a.appeals)})`, delta: change(a.autoAnswered, b.autoAnswered) },
    { label: 'Ответил специалист', value: String(a.answered), delta: change(a.answered, b.answered) },
    { label: 'Просрочено', value: `${a.overdue} (${pct(a.overdue, a.appeals)})`, delta: change(a.overdue, b.overdue) },
    {
      label: 'Средняя оценка',
      value: a.ratingAvg != null ? a.ratingAvg.toFixed(2).replace('.', ',') : '—',
      delta: change(a.ratingAvg, b.ratingAvg),
    },
  ];
  return (
    <div className="stat-cards" aria-label="Итоги периода">
      {cards.map((c) => (
        <div key={c.label} className="card stat-card">
          <span className="muted small">{c.label}</span>
          <strong data-testid={`card-${c.label}`}>{c.value}</strong>
          <span className="muted small" title="К предыдущему периоду той же длины">{c.delta}</span>
        </div>
      ))}
    </div>
  );
}

function Dynamics({ rows, period }: { rows: Figures[]; period: Period }) {
  const options = useMemo(() => {
    const byDay = new Map(rows.map((r) => [r.key, r]));
    const x = days(period);
    const at = (f: (r: Figures) => number | null) => x.map((d) => (byDay.has(d) ? f(byDay.get(d) as Figures) : null));
    const zero = (f: (r: Figures) => number) => x.map((d) => (byDay.has(d) ? f(byDay.get(d) as Figures) : 0));
    const labels = x.map((d) => d.slice(8, 10) + '.' + d.slice(5, 7));
    const base = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: labels },
      animation: false,
    };
    const outcomes: ChartOption = {
      ...base,
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Ответил ИИ', type: 'bar', stack: 'o', data: zero((r) => r.autoAnswered) },
        { name: 'Ответил специалист', type: 'bar', stack: 'o', data: zero((r) => r.answered) },
        { name: 'Не по теме', type: 'bar', stack: 'o', data: zero((r) => r.offTopic) },
        { name: 'Просрочено', type: 'bar', stack: 'o', data: zero((r) => r.overdue) },
        { name: 'Поступило', type: 'line', data: zero((r) => r.appeals) },
      ],
    };
    const rating: ChartOption = {
      ...base,
      yAxis: { type: 'value', min: 1, max: 5 },
      series: [{ name: 'Средняя оценка', type: 'line', connectNulls: true, data: at((r) => r.ratingAvg) }],
    };
    const minutes = (s: number | null) => (s == null ? null : Math.round((s / 60) * 10) / 10);
    const times: ChartOption = {
      ...base,
      yAxis: { type: 'value', name: 'мин' },
      series: [
        { name: 'Первый ответ, медиана', type: 'line', connectNulls: true, data: at((r) => minutes(r.firstAnswerMedian)) },
        { name: 'Первый ответ, p90', type: 'line', connectNulls: true, data: at((r) => minutes(r.firstAnswerP90)) },
        { name: 'Ответ специалиста, медиана', type: 'line', connectNulls: true, data: at((r) => minutes(r.specialistAnswerMedian)) },
        { name: 'Ответ специалиста, p90', type: 'line', connectNulls: true, data: at((r) => minutes(r.specialistAnswerP90)) },
      ],
    };
    return { outcomes, rating, times };
  }, [rows, period]);

  return (
    <div className="charts">
      <figure className="card chart-card wide" data-testid="chart-outcomes">
        <figcaption>Обращения по дням и исходам</figcaption>
        <Chart option={options.outcomes} label="Обращения по дням: поступило, ответил ИИ, ответил специалист, не по теме, просрочено" />
      </figure>
      <figure className="card chart-card" data-testid="chart-rating">
        <figcaption>Средняя оценка по дням</figcaption>
        <Chart option={options.rating} label="Средняя оценка ответов по дням" height={220} />
      </figure>
      <figure className="card chart-card" data-testid="chart-times">
        <figcaption>Время ответа по дням (минуты)</figcaption>
        <Chart option={options.times} label="Время до первого ответа и до ответа специалиста по дням" height={220} />
      </figure>
    </div>
  );
}

type SortKey = 'name' | 'appeals' | 'autoAnswered' | 'routed' | 'answered' | 'overdue' | 'ratingAvg' | 'firstAnswerMedian';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Регион' },
  { key: 'appeals', label: 'Поступило' },
  { key: 'autoAnswered', label: 'Ответил ИИ' },
  { key: 'routed', label: 'Передано специалисту' },
  { key: 'answered', label: 'Ответил специалист' },
  { key: 'overdue', label: 'Просрочено' },
  { key: 'ratingAvg', label: 'Средняя оценка' },
  { key: 'firstAnswerMedian', label: 'Первый ответ, медиана' },
];

function RegionTable({ rows }: { rows: Figures[] }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'appeals', desc: true });
  const sorted = useMemo(() => {
    const value = (r: Figures) => (sort.key === 'name' ? (r.name ?? regionName(r.key)) : r[sort.key]);
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x == null && y == null) return 0;
      if (x == null) return 1;
      if (y == null) return -1;
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'ru') : (x as number) - (y as number);
      return sort.desc ? -c : c;
    });
  }, [rows, sort]);
  if (rows.length === 0) return <Notice>За этот период обращений не было.</Notice>;
  return (
    <div className="card table-wrap">
      <table className="stats" data-testid="regions-table">
        <caption className="sr-only">Регионы за период; нажмите заголовок, чтобы упорядочить</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.key === 'name' ? '' : 'num'}
                aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort"
                  onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' }))}>
                  {c.label}{sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key} className="clickable" onClick={() => navigate({ view: 'stats', region: r.key })}>
              <th scope="row">
                <a href={href({ view: 'stats', region: r.key })}>{r.name ?? regionName(r.key)}</a>{' '}
                <span className="muted">({r.key})</span>
              </th>
              <td className="num">{r.appeals}</td>
              <td className="num">{r.autoAnswered} <span className="muted small">{pct(r.autoAnswered, r.appeals)}</span></td>
              <td className="num">{r.routed}</td>
              <td className="num">{r.answered}</td>
              <td className="num">{r.overdue}</td>
              <td className="num">{r.ratingAvg != null ? r.ratingAvg.toFixed(2) : '—'}</td>
              <td className="num">{duration(r.firstAnswerMedian)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The XLSX report of the period, streamed in with the bytes received shown. */
function ExportButton({ period, region }: { period: Period; region?: string }) {
  const [bytes, setBytes] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    setBytes(0);
    setMessage(null);
    try {
      await api.download(`/api/analytics/report.xlsx?${query(period, region)}`,
        `statistics${region ? `-${region}` : ''}-${period.from}-${period.to}.xlsx`, setBytes);
      setMessage('Отчёт загружен');
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : 'Отчёт не загрузился');
    } finally {
      setBytes(null);
    }
  };
  return (
    <span className="export">
      <button type="button" className="btn" onClick={run} disabled={bytes != null}>
        Скачать XLSX
      </button>
      {bytes != null && (
        <span role="status" className="muted small">
          <progress aria-label="Загрузка отчёта" /> {bytes ? `${Math.ceil(bytes / 1024)} КБ` : 'формируется…'}
        </span>
      )}
      {message && bytes == null && <span role="status" className="muted small" data-testid="export-status">{message}</span>}
    </span>
  );
}

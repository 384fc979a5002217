import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { keys } from '../lib/queries';
import { addDays, type Period } from '../lib/period';
import { regionName } from '../lib/regions';
import type { GapCluster, GapReport, KbDraftInput } from '../lib/types';
import { moscowToday } from './StatsPeriod';

const TREND: Record<GapCluster['trend'], string> = {
  NEW: 'новая тема',
  UP: 'больше, чем раньше',
  DOWN: 'меньше, чем раньше',
  SAME: 'столько же',
};

const ARROW: Record<GapCluster['trend'], string> = { NEW: '★', UP: '↑', DOWN: '↓', SAME: '→' };

/** A new entry from a group: its most typical question as the question, the other examples as phrasings. */
export function draftFromGap(c: GapCluster): KbDraftInput {
  return { topic: '', audience: 'ALL', question: c.samples[0] ?? '', phrasings: c.samples.slice(1), answer: '', legalBasis: '' };
}

const ru = (d: string) => d.split('-').reverse().join('.');

/**
 * «Пробелы базы знаний»: questions the base could not answer (passed to operators), grouped by similarity, with
 * the trend against the period before; a group becomes a draft entry in one click. A regional user sees the
 * questions of its region only (the server decides).
 */
export function KbGaps({ onDraft }: { onDraft: (c: GapCluster) => void }) {
  const today = moscowToday();
  const [period, setPeriod] = useState<Period>({ from: addDays(today, -29), to: today });
  const [minSize, setMinSize] = useState(2);
  const url = `/api/kb/gaps?${new URLSearchParams({ from: period.from, to: period.to, minSize: String(minSize) })}`;
  const gaps = useQuery({ queryKey: keys.get(url), queryFn: () => api.get<GapReport>(url) });
  const report = gaps.data ?? null;
  const e = gaps.error;
  const error = !gaps.isError ? null : e instanceof ApiError
    ? (e.unavailable ? 'Пробелы базы знаний пока недоступны на сервере' : e.message) : 'Не удалось загрузить пробелы базы знаний';

  return (
    <section className="kb-gaps" aria-labelledby="kb-gaps-title">
      <h2 id="kb-gaps-title">Пробелы базы знаний</h2>
      <p className="muted small">
        Вопросы, на которые в базе нет проверенного ответа (их передали операторам), сгруппированные по сходству.
        Группа исчезает, когда по ней проверена запись базы знаний.
      </p>
      <form className="row kb-filters" onSubmit={(e) => e.preventDefault()} aria-label="Период пробелов">
        <label className="inline">с<input type="date" value={period.from} max={period.to}
          onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} /></label>
        <label className="inline">по<input type="date" value={period.to} min={period.from}
          onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} /></label>
        <label className="inline">
          Показывать группы
          <select value={minSize} onChange={(e) => setMinSize(Number(e.target.value))}>
            <option value={2}>от 2 вопросов</option>
            <option value={3}>от 3 вопросов</option>
            <option value={5}>от 5 вопросов</option>
            <option value={1}>все, и одиночные</option>
          </select>
        </label>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {!report && !error && <Spinner />}
      {report && (
        <>
          <p className="small muted" data-testid="gaps-period">
            {ru(report.from)} — {ru(report.to)}: передано операторам {report.questions}; сравнение с {ru(report.previousFrom)} — {ru(report.previousTo)}.
            {report.truncated && ' Вопросов больше 10 000 — учтены последние.'}
          </p>
          {report.clusters.length === 0 && <Notice>Пробелов за период нет.</Notice>}
          <ul className="kb-gap-list">
            {report.clusters.map((c) => (
              <li key={c.key} className="card kb-gap" data-gap={c.key}>
                <div className="row between">
                  <strong>{c.terms.filter((t) => !t.startsWith('~')).slice(0, 3).join(', ')}</strong>
                  <span className={`badge trend-${c.trend.toLowerCase()}`} title={TREND[c.trend]}>
                    {c.size} {ARROW[c.trend]} {c.trend === 'NEW' ? 'новая' : `было ${c.previousSize}`}
                  </span>
                </div>
                <p className="small muted">
                  {c.regions.map((r) => `${r.regionName ?? regionName(r.region)} — ${r.count}`).join('; ')}
                  {' · '}{ru(c.firstDay)}{c.lastDay !== c.firstDay ? ` — ${ru(c.lastDay)}` : ''}
                </p>
                <ul className="kb-gap-samples">
                  {c.samples.map((s) => <li key={s}>{s}</li>)}
                </ul>
                <button type="button" onClick={() => onDraft(c)}>Создать черновик записи</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

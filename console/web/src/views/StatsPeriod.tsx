import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { api } from '../lib/api';
import { asList, errorText, keys } from '../lib/queries';
import { iso, periodOf, previous, type Period, type PeriodKind } from '../lib/period';
import type { Figures } from '../lib/types';

const KEY = 'rosobr.console.stats-period';

/** Today in Moscow, as the server counts days. */
export function moscowToday(): string {
  return iso(new Date(Date.now() + 3 * 3_600_000));
}

interface Saved {
  kind: PeriodKind;
  custom: Period;
}

/** The chosen period, kept for the session so that the statistics and the map show the same one. */
export function usePeriod() {
  const today = moscowToday();
  const [saved, setSaved] = useState<Saved>(() => {
    try {
      const raw = sessionStorage.getItem(KEY);
      if (raw) return JSON.parse(raw) as Saved;
    } catch {
      // a damaged value: start afresh
    }
    return { kind: 'month', custom: periodOf('month', today) };
  });
  useEffect(() => sessionStorage.setItem(KEY, JSON.stringify(saved)), [saved]);
  const period = periodOf(saved.kind, today, saved.custom);
  return { kind: saved.kind, period, before: previous(period), setSaved };
}

const KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: 'day', label: 'День' },
  { kind: 'week', label: 'Неделя' },
  { kind: 'month', label: 'Месяц' },
  { kind: 'custom', label: 'Свой период' },
];

const ru = (d: string) => d.split('-').reverse().join('.');

export function PeriodBar({ state }: { state: ReturnType<typeof usePeriod> }) {
  const { kind, period, before, setSaved } = state;
  return (
    <form className="filters card period" onSubmit={(e) => e.preventDefault()} aria-label="Период">
      <div className="segmented" role="group" aria-label="Длина периода">
        {KINDS.map((k) => (
          <button key={k.kind} type="button" aria-pressed={kind === k.kind}
            onClick={() => setSaved({ kind: k.kind, custom: period })}>
            {k.label}
          </button>
        ))}
      </div>
      {kind === 'custom' && (
        <>
          <label>с<input type="date" value={period.from} max={period.to}
            onChange={(e) => e.target.value && setSaved({ kind, custom: { ...period, from: e.target.value } })} /></label>
          <label>по<input type="date" value={period.to} min={period.from}
            onChange={(e) => e.target.value && setSaved({ kind, custom: { ...period, to: e.target.value } })} /></label>
        </>
      )}
      <p className="muted small" data-testid="period">
        {ru(period.from)} — {ru(period.to)}; сравнение с {ru(before.from)} — {ru(before.to)}. Дни — по московскому времени.
      </p>
    </form>
  );
}

export function query(p: Period, region?: string): string {
  const q = new URLSearchParams({ from: p.from, to: p.to });
  if (region) q.set('region', region);
  return q.toString();
}

/** GET a breakdown of the analytics API; null while loading. */
export function useFigures(path: string, p: Period, region?: string) {
  const url = `/api/analytics/${path}?${query(p, region)}`;
  const figures = useQuery({ queryKey: keys.get(url), queryFn: () => api.get<Figures[]>(url).then(asList<Figures>) });
  return { rows: figures.data ?? null, error: figures.isError ? errorText(figures.error, 'Статистика недоступна') : null };
}

/** Seconds as «4 с», «12 мин», «3,5 ч», «2,0 дн»; «—» when not measured. */
export function duration(s: number | null | undefined): string {
  if (s == null) return '—';
  if (s < 60) return `${s} с`;
  if (s < 3600) return `${Math.round(s / 60)} мин`;
  if (s < 86400) return `${(s / 3600).toFixed(1).replace('.', ',')} ч`;
  return `${(s / 86400).toFixed(1).replace('.', ',')} дн`;
}

/** Totals of a set of rows (days or regions): counts add up, the average is weighted by the ratings. */
export function totals(rows: Figures[]) {
  const sum = (f: (r: Figures) => number) => rows.reduce((s, r) => s + f(r), 0);
  const rated = sum((r) => r.ratingCount);
  return {
    appeals: sum((r) => r.appeals),
    autoAnswered: sum((r) => r.autoAnswered),
    answered: sum((r) => r.answered),
    routed: sum((r) => r.routed),
    overdue: sum((r) => r.overdue),
    ratingCount: rated,
    ratingAvg: rated ? sum((r) => (r.ratingAvg ?? 0) * r.ratingCount) / rated : null,
  };
}

import { useMemo, useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { regionName } from '../lib/regions';
import { navigate } from '../lib/router';
import { GRID_COLUMNS, GRID_ROWS, TILES } from '../lib/tilegrid';
import type { Figures } from '../lib/types';
import { PeriodBar, useFigures, usePeriod } from './StatsPeriod';

type Metric = 'appeals' | 'perThousand' | 'overdueShare' | 'ratingAvg' | 'aiShare';

const METRICS: { key: Metric; label: string; format: (v: number) => string; higherIsBetter: boolean }[] = [
  { key: 'appeals', label: 'Обращений', format: (v) => String(Math.round(v)), higherIsBetter: true },
  { key: 'perThousand', label: 'Обращений на 1 000 педагогов', format: (v) => v.toFixed(1).replace('.', ','), higherIsBetter: true },
  { key: 'overdueShare', label: 'Доля просроченных', format: (v) => `${Math.round(v * 100)} %`, higherIsBetter: false },
  { key: 'ratingAvg', label: 'Средняя оценка', format: (v) => v.toFixed(2).replace('.', ','), higherIsBetter: true },
  { key: 'aiShare', label: 'Доля ответов ИИ', format: (v) => `${Math.round(v * 100)} %`, higherIsBetter: true },
];

// five steps from light to dark; a tile without a value stays grey
const STEPS = ['#e3ecf9', '#b6cdee', '#7fa6dd', '#4a7cc4', '#1f4f99'];

function valueOf(r: Figures | undefined, m: Metric): number | null {
  if (!r) return null;
  switch (m) {
    case 'appeals':
      return r.appeals;
    case 'perThousand':
      return r.appealsPerThousandTeachers ?? null;
    case 'overdueShare':
      return r.appeals ? r.overdue / r.appeals : null;
    case 'ratingAvg':
      return r.ratingAvg;
    case 'aiShare':
      return r.appeals ? r.autoAnswered / r.appeals : null;
  }
}

/**
 * «Карта»: the 89 subjects as a tile grid coloured by a chosen figure of the period, with a legend and a tooltip;
 * a tile opens the region's statistics. Appeals per 1,000 teachers only where the registry knows the region's
 * teachers (grey elsewhere).
 */
export function RegionMap() {
  const state = usePeriod();
  const { rows, error } = useFigures('regions', state.period);
  const [metric, setMetric] = useState<Metric>('appeals');
  const [hover, setHover] = useState<string | null>(null);
  const m = METRICS.find((x) => x.key === metric) ?? METRICS[0];

  const { byCode, values, min, max } = useMemo(() => {
    const map = new Map((rows ?? []).map((r) => [r.key, r]));
    const values = (rows ?? []).map((r) => valueOf(r, metric)).filter((v): v is number => v != null);
    return { byCode: map, values, min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 0 };
  }, [rows, metric]);

  const step = (v: number | null) => {
    if (v == null) return null;
    const t = max > min ? (v - min) / (max - min) : 1;
    return Math.min(STEPS.length - 1, Math.floor(t * STEPS.length));
  };
  const hovered = hover ? byCode.get(hover) : undefined;

  return (
    <section aria-labelledby="map-title" className="stats-page">
      <div className="view-head">
        <h1 id="map-title">Карта субъектов</h1>
        <label className="metric">
          Показатель
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)} aria-label="Показатель карты">
            {METRICS.map((x) => (
              <option key={x.key} value={x.key}>{x.label}</option>
            ))}
          </select>
        </label>
      </div>
      <PeriodBar state={state} />
      {error && <Notice kind="error">{error}</Notice>}
      {!rows && !error && <Spinner />}
      {rows && (
        <div className="card map-card">
          <div className="tilemap" role="list" aria-label={`Субъекты РФ: ${m.label}`} data-testid="tilemap"
            style={{ gridTemplateColumns: `repeat(${GRID_COLUMNS}, 1fr)`, gridTemplateRows: `repeat(${GRID_ROWS}, auto)` }}>
            {TILES.map((t) => {
              const v = valueOf(byCode.get(t.code), metric);
              const s = step(v);
              const text = `${regionName(t.code)}: ${v == null ? 'нет данных' : m.format(v)}`;
              return (
                <button key={t.code} type="button" role="listitem" className="tile" data-region={t.code}
                  data-value={v ?? ''} title={text} aria-label={text}
                  style={{
                    gridColumn: t.col + 1, gridRow: t.row + 1,
                    background: s == null ? '#eef0f3' : STEPS[s], color: s != null && s >= 3 ? '#fff' : '#1d2633',
                  }}
                  onMouseEnter={() => setHover(t.code)} onMouseLeave={() => setHover(null)}
                  onFocus={() => setHover(t.code)} onBlur={() => setHover(null)}
                  onClick={() => navigate({ view: 'stats', region: t.code })}>
                  {t.short}
                </button>
              );
            })}
          </div>
          <div className="map-side">
            <div className="legend" aria-label="Легенда">
              <strong>{m.label}</strong>
              {STEPS.map((c, i) => {
                // the range of the values that really fall on this colour: a few small counts make no «1 — 1» rows
                const here = values.filter((v) => step(v) === i);
                if (!here.length) return null;
                const lo = m.format(Math.min(...here));
                const hi = m.format(Math.max(...here));
                return (
                  <span key={c} className="legend-row">
                    <span className="swatch" style={{ background: c }} /> {lo === hi ? lo : `${lo} — ${hi}`}
                  </span>
                );
              })}
              <span className="legend-row"><span className="swatch" style={{ background: '#eef0f3' }} /> нет данных</span>
              {!m.higherIsBetter && <span className="muted small">Темнее — хуже</span>}
            </div>
            <div className="map-tip" role="status" data-testid="map-tip">
              {hover ? (
                <>
                  <strong>{regionName(hover)}</strong>
                  {hovered ? (
                    <>
                      <span>Обращений: {hovered.appeals}</span>
                      <span>
                        На 1 000 педагогов: {hovered.appealsPerThousandTeachers != null
                          ? `${hovered.appealsPerThousandTeachers.toFixed(1).replace('.', ',')} (педагогов в реестре: ${hovered.teachers})`
                          : 'реестр не знает педагогов региона'}
                      </span>
                      <span>Ответил ИИ: {hovered.autoAnswered}</span>
                      <span>Просрочено: {hovered.overdue}</span>
                      <span>Средняя оценка: {hovered.ratingAvg ?? '—'}</span>
                    </>
                  ) : (
                    <span>За период обращений не было</span>
                  )}
                </>
              ) : (
                <span className="muted small">Наведите на субъект, чтобы увидеть его цифры; нажмите — откроется его статистика.</span>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { REGIONS } from '../lib/regions';
import { formatDateTime } from '../lib/time';
import type { TeacherRow, UploadReport } from '../lib/types';

export interface TeacherFilters {
  q: string;
  region: string;
  orgType: string;
  channel: string;
  verified: '' | 'true' | 'false';
  disabled: '' | 'true' | 'false';
  page: number;
  size: number;
}

export const DEFAULT_TEACHER_FILTERS: TeacherFilters = {
  q: '', region: '', orgType: '', channel: '', verified: '', disabled: '', page: 0, size: 50,
};

export const ORG_TYPE_LABEL: Record<string, string> = { SCHOOL: 'школа', SPO: 'СПО', DOO: 'ДОО' };
export const CHANNEL_LABEL: Record<string, string> = { MAX: 'MAX', VK: 'Сферум / VK', WEBCHAT: 'веб-чат' };
export const FIELD_LABEL: Record<string, string> = {
  channel: 'Канал', platformUserId: 'Идентификатор', fio: 'ФИО', region: 'Регион', orgType: 'Тип организации',
};

/** The registry search of the filters: only the filters set, the page as limit and offset. */
export function teachersPath(f: TeacherFilters): string {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  for (const key of ['region', 'orgType', 'channel', 'verified', 'disabled'] as const) {
    if (f[key]) p.set(key, f[key]);
  }
  p.set('limit', String(f.size));
  p.set('offset', String(f.page * f.size));
  return `/api/admin/teachers?${p.toString()}`;
}

/** One line about an upload, in words. */
export function reportSummary(r: UploadReport): string {
  const head = `Файл ${r.format}: строк с данными — ${r.rows}, загружено — ${r.imported} (новых — ${r.created}, `
    + `обновлено — ${r.updated})`;
  return r.rejected === 0 ? `${head}. Ошибок нет.` : `${head}, не загружено из-за ошибок — ${r.rejected}.`;
}

/** The per-row report of an upload: which row, which column, what is wrong. */
export function UploadReportView({ report }: { report: UploadReport }) {
  return (
    <div className="upload-report" aria-live="polite">
      <Notice kind={report.rejected === 0 ? 'ok' : 'warn'}>{reportSummary(report)}</Notice>
      {report.errors.length > 0 && (
        <div className="card table-wrap">
          <table className="upload-errors">
            <caption>Ошибки по строкам: исправьте их в файле и загрузите его снова — загруженные строки обновятся, не задвоятся</caption>
            <thead>
              <tr>
                <th scope="col">Строка</th>
                <th scope="col">Поле</th>
                <th scope="col">Ошибка</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={`${e.row}-${e.field}-${i}`}>
                  <td>{e.row}</td>
                  <td>{FIELD_LABEL[e.field] ?? e.field}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.errorsTruncated && (
            <p className="muted small">Показаны первые {report.errors.length} ошибок; остальные строки с ошибками тоже не загружены.</p>
          )}
        </div>
      )}
    </div>
  );
}

/** The page of teachers; a disable or enable asks for confirmation in the row first. */
export function TeacherTable({ rows, confirming, busy, onAsk, onConfirm, onCancel }: {
  rows: TeacherRow[];
  confirming: string | null;
  busy: boolean;
  onAsk: (t: TeacherRow) => void;
  onConfirm: (t: TeacherRow) => void;
  onCancel: () => void;
}) {
  return (
    <div className="card table-wrap">
      <table className="teachers">
        <thead>
          <tr>
            <th scope="col">ФИО</th>
            <th scope="col">Регион</th>
            <th scope="col">Тип организации</th>
            <th scope="col">Канал</th>
            <th scope="col">Состояние</th>
            <th scope="col">Действие</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.teacherId} data-teacher={t.teacherId}>
              <th scope="row">{t.fio ?? <span className="muted">нет в реестре</span>}</th>
              <td>{t.regionName ?? t.region ?? '—'}</td>
              <td>{t.orgType ? ORG_TYPE_LABEL[t.orgType] ?? t.orgType : '—'}</td>
              <td>{CHANNEL_LABEL[t.channel] ?? t.channel} <span className="muted small">{t.platformUserId}</span></td>
              <td>
                {t.disabled ? 'отключён' : t.verified ? 'подтверждён' : 'не подтверждён'}
                {t.disabled && t.disabledAt && (
                  <span className="muted small"> · {formatDateTime(t.disabledAt)}{t.disabledBy ? `, ${t.disabledBy}` : ''}</span>
                )}
              </td>
              <td>
                {confirming === t.teacherId ? (
                  <span className="actions" role="group" aria-label="Подтверждение">
                    <span>
                      {t.disabled
                        ? `Включить ${t.fio ?? 'педагога'}? Бот снова будет принимать вопросы.`
                        : `Отключить ${t.fio ?? 'педагога'}? Бот перестанет принимать вопросы, рассылки не придут.`}
                    </span>
                    <button type="button" className="btn-primary" disabled={busy} onClick={() => onConfirm(t)}>
                      {t.disabled ? 'Да, включить' : 'Да, отключить'}
                    </button>
                    <button type="button" className="btn-secondary" disabled={busy} onClick={onCancel}>Отмена</button>
                  </span>
                ) : (
                  <button type="button" className="btn-link" onClick={() => onAsk(t)}>
                    {t.disabled ? 'Включить' : 'Отключить'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UploadForm({ onUploaded }: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<UploadReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await api.upload<UploadReport>('/api/admin/teachers/upload', file));
      onUploaded();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Файл не загружен');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="filters card" onSubmit={submit} aria-label="Загрузка реестра">
      <label>
        Файл реестра
        <input type="file" name="registry" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" className="btn-primary" disabled={!file || busy}>{busy ? 'Загрузка…' : 'Загрузить'}</button>
      <p className="muted small">
        CSV в UTF-8 (разделитель «,» или «;») или книга Excel (XLSX, первый лист), до 20 МБ. Столбцы: channel (MAX или
        VK), platformUserId, fio, region (код региона), orgType (SCHOOL, SPO, DOO) — или по-русски: канал, идентификатор,
        ФИО, регион, тип организации. Строки без ошибок загружаются, строки с ошибками перечислены ниже.
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      {report && <UploadReportView report={report} />}
    </form>
  );
}

/**
 * «Педагоги»: the registry of intake-service — search by ФИО or messenger id with filters, a page at a time;
 * disabling a teacher (the bot politely refuses, campaigns leave them out) and enabling again; a registry upload.
 */
export function Teachers() {
  const [filters, setFilters] = useState<TeacherFilters>(DEFAULT_TEACHER_FILTERS);
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<TeacherRow[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.page<TeacherRow>(teachersPath(filters))
      .then((p) => {
        setRows(p.items);
        setTotal(p.total);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? (e.unavailable ? 'Реестр педагогов пока недоступен на сервере' : e.message)
        : 'Реестр педагогов недоступен'));
  }, [filters]);
  useEffect(load, [load]);

  const set = (patch: Partial<TeacherFilters>) => setFilters((f) => ({ ...f, page: 0, ...patch }));

  const toggle = async (t: TeacherRow) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const action = t.disabled ? 'enable' : 'disable';
      await api.post(`/api/admin/teachers/${encodeURIComponent(t.channel)}/${encodeURIComponent(t.platformUserId)}/${action}`);
      setDone(t.disabled ? `${t.fio ?? 'Педагог'}: снова принимаем вопросы` : `${t.fio ?? 'Педагог'} отключён`);
      setConfirming(null);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Не удалось изменить');
    } finally {
      setBusy(false);
    }
  };

  const pages = total != null ? Math.max(1, Math.ceil(total / filters.size)) : null;
  return (
    <section aria-labelledby="teachers-title">
      <div className="view-head">
        <h1 id="teachers-title">Педагоги</h1>
        {total != null && <span className="muted">найдено: {total}</span>}
      </div>
      <UploadForm onUploaded={load} />
      <form className="filters card" aria-label="Поиск педагогов" onSubmit={(e) => { e.preventDefault(); set({ q }); }}>
        <label>
          ФИО или идентификатор
          <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit" className="btn-secondary">Найти</button>
        <label>
          Регион
          <select name="region" value={filters.region} onChange={(e) => set({ region: e.target.value })}>
            <option value="">все</option>
            {REGIONS.map((r) => <option key={r.code} value={r.code}>{r.code} {r.name}</option>)}
          </select>
        </label>
        <label>
          Тип организации
          <select name="orgType" value={filters.orgType} onChange={(e) => set({ orgType: e.target.value })}>
            <option value="">все</option>
            {Object.entries(ORG_TYPE_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label>
          Канал
          <select name="channel" value={filters.channel} onChange={(e) => set({ channel: e.target.value })}>
            <option value="">все</option>
            {Object.entries(CHANNEL_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label>
          Роль
          <select name="verified" value={filters.verified}
            onChange={(e) => set({ verified: e.target.value as TeacherFilters['verified'] })}>
            <option value="">все</option>
            <option value="true">подтверждена</option>
            <option value="false">не подтверждена</option>
          </select>
        </label>
        <label>
          Доступ
          <select name="disabled" value={filters.disabled}
            onChange={(e) => set({ disabled: e.target.value as TeacherFilters['disabled'] })}>
            <option value="">все</option>
            <option value="false">включён</option>
            <option value="true">отключён</option>
          </select>
        </label>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="ok">{done}</Notice>}
      {!rows && !error && <Spinner />}
      {rows && rows.length === 0 && <Notice kind="info">Никого не найдено.</Notice>}
      {rows && rows.length > 0 && (
        <TeacherTable rows={rows} confirming={confirming} busy={busy} onAsk={(t) => setConfirming(t.teacherId)}
          onConfirm={toggle} onCancel={() => setConfirming(null)} />
      )}
      {rows && (
        <nav className="pager" aria-label="Страницы">
          <button type="button" disabled={filters.page === 0} onClick={() => setFilters((f) => ({ ...f, page: f.page - 1 }))}>
            ← Назад
          </button>
          <span>Страница {filters.page + 1}{pages != null ? ` из ${pages}` : ''}</span>
          <button type="button" disabled={pages != null ? filters.page + 1 >= pages : rows.length < filters.size}
            onClick={() => setFilters((f) => ({ ...f, page: f.page + 1 }))}>
            Вперёд →
          </button>
          <label className="inline">
            по
            <select value={filters.size} onChange={(e) => set({ size: Number(e.target.value) })}>
              {[25, 50, 100, 200].map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        </nav>
      )}
    </section>
  );
}

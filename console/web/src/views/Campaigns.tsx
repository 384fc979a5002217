import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { asList, errorText, keys, useDebounced } from '../lib/queries';
import { REGIONS, regionName } from '../lib/regions';
import { seesAllRegions } from '../lib/roles';
import type { Campaign, CampaignCreated, CampaignPreview, CampaignRegion, Session } from '../lib/types';

const STATUS_TEXT: Record<Campaign['status'], string> = {
  DRAFT: 'черновик',
  RUNNING: 'идёт',
  PAUSED: 'приостановлена',
  DONE: 'завершена',
  CANCELLED: 'отменена',
};

const ORG_TYPES: [string, string][] = [['SCHOOL', 'школы'], ['SPO', 'СПО'], ['DOO', 'ДОО']];
const CHANNELS: [string, string][] = [['MAX', 'MAX'], ['VK', 'Сферум / VK']];

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);
/** A rate of 0…1 from the server as a percentage, «—» when there is no base. */
const rate = (r: number | null | undefined) => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`);

function eta(seconds: number | null): string {
  if (seconds == null) return '—';
  if (seconds < 60) return `${seconds} с`;
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h ? `${h} ч ${m} мин` : `${m} мин`;
}

/** «Рассылки»: the list with live progress, the create form with the audience size, pause / resume / cancel. */
export function Campaigns({ session }: { session: Session }) {
  const client = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // live progress: the counters are read again every two seconds
  const list = useQuery({ queryKey: keys.campaigns, queryFn: () => api.get<Campaign[]>('/api/campaigns').then(asList<Campaign>),
    refetchInterval: 2000 });
  const items = list.data ?? null;
  // how many times the list was read: lets a check wait for a fresh reading instead of a fixed time
  const loads = list.dataUpdatedAt ? client.getQueryState(keys.campaigns)?.dataUpdateCount ?? 0 : 0;
  // a fresh reading clears an action's refusal, as a successful read always did
  useEffect(() => {
    if (list.dataUpdatedAt) setActionError(null);
  }, [list.dataUpdatedAt]);
  const error = actionError ?? (list.isError ? errorText(list.error, 'Рассылки недоступны') : null);
  const load = () => void client.invalidateQueries({ queryKey: keys.campaigns, exact: true });

  const act = async (id: string, action: 'start' | 'pause' | 'resume' | 'cancel') => {
    try {
      await api.post(`/api/campaigns/${id}/${action}`);
      setActionError(null);
      load();
    } catch (e) {
      setActionError(errorText(e, 'Действие не выполнено'));
    }
  };

  return (
    <section className="campaigns" aria-label="Рассылки" data-loads={loads}>
      <h1>Рассылки</h1>
      <CreateForm session={session} onCreated={load} />
      {error && <Notice kind="error">{error}</Notice>}
      {items === null ? (
        <Spinner />
      ) : items.length === 0 ? (
        <Notice>Рассылок пока нет.</Notice>
      ) : (
        <table className="table campaign-list">
          <thead>
            <tr>
              <th>Рассылка</th>
              <th>Статус</th>
              <th>Ход</th>
              <th>Доставлено</th>
              <th>Прочитано</th>
              <th>Ждут утра</th>
              <th>Ошибки</th>
              <th>Осталось</th>
              <th>Действия</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <CampaignRowView key={c.id} c={c} open={open === c.id} onToggle={() => setOpen(open === c.id ? null : c.id)} act={act} />
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        Сообщения уходят только с 08:00 до 19:00 по времени региона педагога; остальные ждут утра. Ответы педагогам
        всегда отправляются раньше рассылок. Прочтения сообщает только Сферум/VK; MAX не сообщает о прочтении, поэтому
        доля прочтения считается от сообщений, доставленных в VK.
      </p>
    </section>
  );
}

function CampaignRowView({ c, open, onToggle, act }: {
  c: Campaign;
  open: boolean;
  onToggle: () => void;
  act: (id: string, a: 'start' | 'pause' | 'resume' | 'cancel') => void;
}) {
  const done = pct(c.sent, c.total);
  return (
    <>
      <tr data-campaign={c.id}>
        <td>
          <button type="button" className="btn-link" onClick={onToggle} aria-expanded={open}>
            {c.title}
          </button>
          <div className="muted">{c.audience.regions.length ? c.audience.regions.map(regionName).join(', ') : 'все регионы'}</div>
        </td>
        <td className="campaign-status">{STATUS_TEXT[c.status]}</td>
        <td>
          <div className="bar" role="progressbar" aria-label={`Отправлено: ${c.title}`} aria-valuemin={0} aria-valuemax={c.total}
            aria-valuenow={c.sent} title={`отправлено ${c.sent} из ${c.total}`}>
            <span style={{ width: `${done}%` }} />
          </div>
          <span className="campaign-sent">{c.sent}</span> из <span className="campaign-total">{c.total}</span> ({done}%)
        </td>
        <td>{c.delivered} ({pct(c.delivered, c.sent)}%)</td>
        <td className="campaign-read" title={c.readNote}>
          {c.read} ({rate(c.readRate)} из {c.readable} в VK)
        </td>
        <td>{c.held}</td>
        <td>{c.failed}</td>
        <td>{c.status === 'RUNNING' || c.status === 'PAUSED' ? eta(c.etaSeconds) : '—'}</td>
        <td className="actions">
          {c.status === 'DRAFT' && <button type="button" onClick={() => act(c.id, 'start')}>Запустить</button>}
          {c.status === 'RUNNING' && <button type="button" onClick={() => act(c.id, 'pause')}>Пауза</button>}
          {c.status === 'PAUSED' && <button type="button" onClick={() => act(c.id, 'resume')}>Продолжить</button>}
          {(c.status === 'DRAFT' || c.status === 'RUNNING' || c.status === 'PAUSED') && (
            <button type="button" className="btn-ghost" onClick={() => act(c.id, 'cancel')}>Отменить</button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={9}>
            <RegionTable id={c.id} />
          </td>
        </tr>
      )}
    </>
  );
}

function RegionTable({ id }: { id: string }) {
  const regions = useQuery({
    queryKey: [...keys.campaigns, id, 'regions'],
    queryFn: () => api.get<CampaignRegion[]>(`/api/campaigns/${id}/regions`).catch(() => [] as CampaignRegion[]),
    refetchInterval: 3000,
  });
  const rows = regions.data ?? null;
  if (rows === null) return <Spinner />;
  if (rows.length === 0) return <Notice>По регионам пока пусто: аудитория ещё не разложена.</Notice>;
  return (
    <table className="table region-table" aria-label="По регионам">
      <thead>
        <tr>
          <th>Регион</th>
          <th>Всего</th>
          <th>Отправлено</th>
          <th>Доставлено</th>
          <th>Доля доставки</th>
          <th>Прочитано</th>
          <th>Доля прочтения (VK)</th>
          <th>Ошибки</th>
          <th>Сейчас</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.region}>
            <td>{r.name}</td>
            <td>{r.total}</td>
            <td>{r.sent}</td>
            <td>{r.delivered}</td>
            <td>{rate(r.deliveryRate)}</td>
            <td>{r.read}</td>
            <td>{rate(r.readRate)}</td>
            <td>{r.failed}</td>
            <td>{r.inWindow ? 'день' : 'ждут 08:00'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CreateForm({ session, onCreated }: { session: Session; onCreated: () => void }) {
  const federal = seesAllRegions(session);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [regions, setRegions] = useState<string[]>(federal ? [] : session.region ? [session.region] : []);
  const [orgTypes, setOrgTypes] = useState<string[]>([]);
  const [channels, setChannels] = useState<string[]>([]);
  const [list, setList] = useState('');
  const [rate, setRate] = useState(20);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const teacherIds = list.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
  const audience = { regions, orgTypes, channels, teacherIds: teacherIds.length ? teacherIds : undefined };
  const key = JSON.stringify(audience);

  // the audience size, counted on the server as the form changes
  const settledKey = useDebounced(key, 300);
  const preview = useQuery({
    queryKey: [...keys.campaigns, 'preview', settledKey],
    queryFn: () => api.post<CampaignPreview>('/api/campaigns/preview', JSON.parse(settledKey)).then((r) => r.total)
      .catch(() => null),
    placeholderData: keepPreviousData,
  });
  const size = preview.data ?? null;

  const toggle = (values: string[], set: (v: string[]) => void, v: string) =>
    set(values.includes(v) ? values.filter((x) => x !== v) : [...values, v]);

  const submit = async (startNow: boolean) => {
    setBusy(true);
    try {
      const created = await api.post<CampaignCreated>('/api/campaigns', { title, text, audience, ratePerSecond: rate });
      if (startNow) await api.post(`/api/campaigns/${created.id}/start`);
      setTitle('');
      setText('');
      setError(null);
      onCreated();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Рассылка не создана');
    } finally {
      setBusy(false);
    }
  };

  const readFile = (file: File | undefined) => file?.text().then(setList);

  return (
    <form className="campaign-form" aria-label="Новая рассылка" onSubmit={(e) => { e.preventDefault(); void submit(false); }}>
      <h2>Новая рассылка</h2>
      <label>
        Название
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      <label>
        Текст сообщения
        <textarea name="text" value={text} onChange={(e) => setText(e.target.value)} required maxLength={4000} rows={4} />
      </label>
      <fieldset>
        <legend>Регионы {federal ? '(ничего не выбрано — все регионы)' : ''}</legend>
        {federal ? (
          <select name="regions" multiple size={6} value={regions}
            onChange={(e) => setRegions(Array.from(e.target.selectedOptions).map((o) => o.value))}>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>{r.code} — {r.name}</option>
            ))}
          </select>
        ) : (
          <span>{regionName(session.region)}</span>
        )}
      </fieldset>
      <fieldset>
        <legend>Тип организации (ничего не выбрано — все)</legend>
        {ORG_TYPES.map(([v, l]) => (
          <label key={v} className="inline">
            <input type="checkbox" checked={orgTypes.includes(v)} onChange={() => toggle(orgTypes, setOrgTypes, v)} /> {l}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Каналы (ничего не выбрано — все)</legend>
        {CHANNELS.map(([v, l]) => (
          <label key={v} className="inline">
            <input type="checkbox" checked={channels.includes(v)} onChange={() => toggle(channels, setChannels, v)} /> {l}
          </label>
        ))}
      </fieldset>
      <label>
        Список педагогов (необязательно: id через запятую или файл, по одному в строке)
        <textarea name="teacherIds" value={list} onChange={(e) => setList(e.target.value)} rows={2} />
        <input type="file" accept=".txt,.csv" onChange={(e) => void readFile(e.target.files?.[0])} />
      </label>
      <label>
        Скорость, сообщений в секунду
        <input name="rate" type="number" min={1} max={20} value={rate} onChange={(e) => setRate(Number(e.target.value))} />
      </label>
      <p className="audience-size" aria-live="polite">
        Получателей: <strong>{size == null ? '…' : size}</strong>
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="submit" disabled={busy}>Сохранить черновик</button>
        <button type="button" disabled={busy || !title || !text} onClick={() => void submit(true)}>Создать и запустить</button>
      </div>
    </form>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api } from '../lib/api';
import { asList, errorText, keys, useDebounced } from '../lib/queries';
import { formatDateTime } from '../lib/time';
import type { AuditRow } from '../lib/types';

export const ACTION_LABEL: Record<string, string> = {
  LOGIN: 'вход',
  LOGIN_FAILED: 'неудачный вход',
  LOGIN_LOCKED: 'вход при блокировке',
  LOGOUT: 'выход',
  PASSWORD_CHANGE: 'смена пароля',
  REPLY: 'ответ педагогу',
  AI_JUDGEMENT: 'оценка ответа ИИ',
  ESCALATION: 'передача на федеральный контроль',
  STATUS: 'смена статуса',
  REASSIGN: 'переназначение',
  TAKE_CONTROL: 'взятие на контроль',
  KB_DRAFT: 'черновик базы знаний',
  KB_PUBLISH: 'публикация в базу знаний',
  KB_REJECT: 'отклонение черновика',
  EXPORT: 'выгрузка',
  USER_CREATE: 'создание пользователя',
  USER_UPDATE: 'изменение пользователя',
  DEAD_LETTER_REPLAY: 'повтор недоставленного события',
  REGISTRY_IMPORT: 'загрузка реестра педагогов',
  TEACHER_DISABLE: 'отключение педагога',
  TEACHER_ENABLE: 'включение педагога',
  SHIFT_START: 'выход на смену',
  SHIFT_END: 'уход со смены',
  ROSTER_PLACE: 'размещение оператора в реестре',
  KB_ENTRY_CREATED: 'создание записи базы знаний',
  KB_ENTRY_EDITED: 'правка записи базы знаний',
  KB_ENTRY_VERIFIED: 'проверка записи базы знаний',
  KB_ENTRY_RETIRED: 'снятие записи базы знаний',
  KB_ENTRY_RESTORED: 'возврат записи базы знаний',
  CAMPAIGN_CREATE: 'создание рассылки',
  CAMPAIGN_START: 'запуск рассылки',
  CAMPAIGN_PAUSE: 'приостановка рассылки',
  CAMPAIGN_RESUME: 'продолжение рассылки',
  CAMPAIGN_CANCEL: 'отмена рассылки',
};

/**
 * «Журнал действий»: the audit log, newest first, with filters. Heads see their region's entries, federal staff and
 * admins every region (the service decides). The log is append-only in the database.
 */
export function Audit() {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [appealId, setAppealId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const p = new URLSearchParams({ limit: '300' });
  if (actor.trim()) p.set('actor', actor.trim());
  if (action) p.set('action', action);
  if (appealId.trim()) p.set('appealId', appealId.trim());
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  // typing in a filter asks once it settles
  const path = useDebounced(`/api/console/audit?${p}`, 250);
  const audit = useQuery({ queryKey: keys.get(path), queryFn: () => api.get<AuditRow[]>(path).then(asList<AuditRow>),
    placeholderData: keepPreviousData });
  const rows = audit.data ?? null;
  const error = audit.isError ? errorText(audit.error, 'Журнал недоступен') : null;

  return (
    <section aria-labelledby="audit-title">
      <div className="view-head">
        <h1 id="audit-title">Журнал действий</h1>
      </div>
      <form className="filters card" onSubmit={(e) => e.preventDefault()} aria-label="Фильтры журнала">
        <label>Кто<input name="actor" value={actor} onChange={(e) => setActor(e.target.value)} /></label>
        <label>
          Действие
          <select name="action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">все</option>
            {Object.entries(ACTION_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label>Обращение (id)<input name="appealId" value={appealId} onChange={(e) => setAppealId(e.target.value)} /></label>
        <label>С<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>по<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {!rows && !error && <Spinner />}
      {rows && rows.length === 0 && <Notice>Записей нет.</Notice>}
      {rows && rows.length > 0 && (
        <div className="card table-wrap">
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Кто</th>
                <th scope="col">Действие</th>
                <th scope="col">Регион</th>
                <th scope="col">Подробности</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{r.actor}</td>
                  <td>{ACTION_LABEL[r.action] ?? r.action}</td>
                  <td>{r.region ?? '—'}</td>
                  <td>
                    {r.details ?? ''}
                    {r.appealId && <> <a href={`#/appeals/${encodeURIComponent(r.appealId)}`}>обращение</a></>}
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

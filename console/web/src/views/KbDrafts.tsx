import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { asList, keys } from '../lib/queries';
import { canVerifyKb } from '../lib/roles';
import { href } from '../lib/router';
import { AUDIENCE_LABEL } from '../lib/status';
import { formatDateTime } from '../lib/time';
import type { Audience, KbDraft, Session } from '../lib/types';
import { KbSearch } from './card/KbSearch';

const DRAFT_STATUS: Record<string, string> = {
  DRAFT: 'ждёт проверки',
  PUBLISHED: 'опубликована',
  REJECTED: 'отклонена',
};

/** Drafts of knowledge-base entries made from operators' answers; KB editors and federal users verify them. */
export function KbDrafts({ session }: { session: Session }) {
  const [status, setStatus] = useState('DRAFT');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const verifier = canVerifyKb(session);

  const client = useQueryClient();
  const path = `/api/console/kb-drafts${status ? `?status=${encodeURIComponent(status)}` : ''}`;
  const query = useQuery({ queryKey: keys.get(path), queryFn: () => api.get<KbDraft[]>(path).then(asList<KbDraft>),
    placeholderData: keepPreviousData });
  // a failed read shows no drafts, only why
  const drafts = query.isError ? null : query.data ?? null;
  const e = query.error;
  const error = !query.isError ? null : e instanceof ApiError && e.unavailable
    ? 'Черновики базы знаний пока недоступны на сервере'
    : e instanceof ApiError ? e.message : 'Не удалось загрузить черновики';
  const load = () => void client.invalidateQueries({ queryKey: keys.get(path) });

  const act = async (what: () => Promise<unknown>, ok: string) => {
    try {
      await what();
      setNotice({ kind: 'ok', text: ok });
      load();
      return true;
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError ? (e.unavailable ? 'Действие пока недоступно на сервере' : e.message) : 'Не удалось' });
      return false;
    }
  };

  // a confirmation fades after a while; an error stays until the next action
  useEffect(() => {
    if (notice?.kind !== 'ok') return;
    const t = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(t);
  }, [notice]);

  return (
    <section aria-labelledby="kb-title">
      <div className="view-head">
        <h1 id="kb-title">База знаний</h1>
        <p className="muted small">
          {verifier
            ? 'Проверьте черновики: после публикации ответ сразу используется ботом.'
            : 'Ваши черновики статей; их проверяет редактор базы знаний или Рособрнадзор.'}
        </p>
      </div>
      <div className="kb-layout">
        <div>
          <div className="row">
            <label className="inline">
              Показать
              <select value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="DRAFT">ждут проверки</option>
                <option value="PUBLISHED">опубликованные</option>
                <option value="REJECTED">отклонённые</option>
                <option value="">все</option>
              </select>
            </label>
          </div>
          <div aria-live="polite">{notice && <Notice kind={notice.kind}>{notice.text}</Notice>}</div>
          {error && <Notice kind="warn">{error}</Notice>}
          {!drafts && !error && <Spinner />}
          {drafts && drafts.length === 0 && <Notice>Черновиков нет.</Notice>}
          {drafts?.map((d) => (
            <DraftCard key={d.id} draft={d} verifier={verifier}
              onVerify={(edited) => act(() => api.post(`/api/console/kb-drafts/${d.id}/verify`, edited),
                'Статья проверена и опубликована в базе знаний')}
              onReject={(reason) => act(() => api.post(`/api/console/kb-drafts/${d.id}/reject`, { reason }),
                'Черновик отклонён')} />
          ))}
        </div>
        <aside className="card">
          <h2>Поиск по опубликованным статьям</h2>
          <KbSearch />
        </aside>
      </div>
    </section>
  );
}

function DraftCard({ draft, verifier, onVerify, onReject }: {
  draft: KbDraft; verifier: boolean;
  onVerify: (edited: Partial<KbDraft>) => Promise<boolean>; onReject: (reason: string) => Promise<boolean>;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'reject'>('view');
  const [edit, setEdit] = useState({
    topic: draft.topic ?? '', audience: (draft.audience ?? 'ALL') as Audience, question: draft.question ?? '',
    answer: draft.answer ?? '', legalBasis: draft.legalBasis ?? '',
  });
  const [reason, setReason] = useState('');
  const pending = draft.status === 'DRAFT';

  return (
    <article className="card draft" aria-label={`Черновик: ${draft.question ?? ''}`} data-draft-id={draft.id}>
      <header className="row between">
        <span className={`badge badge-draft-${(draft.status ?? '').toLowerCase()}`}>{DRAFT_STATUS[draft.status] ?? draft.status}</span>
        <span className="muted small">
          {draft.topic ?? '—'} · {AUDIENCE_LABEL[draft.audience ?? 'ALL'] ?? draft.audience}
          {draft.author ? ` · автор ${draft.author}` : ''}
          {draft.createdAt ? ` · ${formatDateTime(draft.createdAt)}` : ''}
          {draft.appealId ? <> · <a href={href({ view: 'appeal', id: draft.appealId })}>обращение</a></> : null}
        </span>
      </header>
      {mode !== 'edit' ? (
        <>
          <h3>{draft.question}</h3>
          <p className="pre">{draft.answer}</p>
          {draft.legalBasis && <p className="muted small">Основание: {draft.legalBasis}</p>}
          {draft.reviewedBy && (
            <p className="muted small">
              {draft.status === 'REJECTED' ? 'Отклонил' : 'Проверил'}: {draft.reviewedBy}
              {draft.reviewedAt ? `, ${formatDateTime(draft.reviewedAt)}` : ''}
              {draft.entryId ? ` · статья ${draft.entryId}` : ''}
            </p>
          )}
          {draft.rejectReason && <p className="muted small">Причина отклонения: {draft.rejectReason}</p>}
        </>
      ) : (
        <div className="stack">
          <label>Тема<input value={edit.topic} onChange={(e) => setEdit({ ...edit, topic: e.target.value })} /></label>
          <label>
            Для кого
            <select value={edit.audience} onChange={(e) => setEdit({ ...edit, audience: e.target.value as Audience })}>
              {(['ALL', 'SCHOOL', 'SPO', 'DOO'] as Audience[]).map((a) => <option key={a} value={a}>{AUDIENCE_LABEL[a]}</option>)}
            </select>
          </label>
          <label>Вопрос<textarea rows={2} value={edit.question} onChange={(e) => setEdit({ ...edit, question: e.target.value })} /></label>
          <label>Ответ<textarea rows={6} value={edit.answer} onChange={(e) => setEdit({ ...edit, answer: e.target.value })} /></label>
          <label>Правовое основание<input value={edit.legalBasis} onChange={(e) => setEdit({ ...edit, legalBasis: e.target.value })} /></label>
        </div>
      )}
      {verifier && pending && (
        <div className="row">
          {mode === 'view' && (
            <>
              <button type="button" className="btn-primary" onClick={() => onVerify({})}>Проверено — опубликовать</button>
              <button type="button" className="btn-secondary" onClick={() => setMode('edit')}>Исправить…</button>
              <button type="button" className="btn-ghost-dark" onClick={() => setMode('reject')}>Отклонить…</button>
            </>
          )}
          {mode === 'edit' && (
            <>
              <button type="button" className="btn-primary" onClick={() => onVerify(edit).then((ok) => ok && setMode('view'))}>
                Опубликовать с правками
              </button>
              <button type="button" className="btn-ghost-dark" onClick={() => setMode('view')}>Отмена</button>
            </>
          )}
          {mode === 'reject' && (
            <form className="row grow" onSubmit={(e) => { e.preventDefault(); if (reason.trim()) onReject(reason.trim()); }}>
              <label className="grow">
                Причина отклонения
                <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
              </label>
              <button type="submit" className="btn-warn" disabled={!reason.trim()}>Отклонить</button>
              <button type="button" className="btn-ghost-dark" onClick={() => setMode('view')}>Отмена</button>
            </form>
          )}
        </div>
      )}
    </article>
  );
}

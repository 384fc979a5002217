import { useEffect, useRef, useState } from 'react';

import { Notice } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { insertAt, kbReplyText, REPLY_MAX, replyProblem } from '../../lib/text';
import type { Status } from '../../lib/types';
import { KbSearch } from './KbSearch';

const draftKey = (id: string) => `rosobr.console.draft.${id}`;

/** The reply to the teacher; the draft survives reloads and refusals (a stale version loses nothing). */
export function ReplyBox({ appealId, version, status, onSent }: {
  appealId: string; version?: number; status: Status; onSent: () => void;
}) {
  const [text, setText] = useState(() => sessionStorage.getItem(draftKey(appealId)) ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setText(sessionStorage.getItem(draftKey(appealId)) ?? '');
    setError(null);
  }, [appealId]);

  const change = (value: string) => {
    setText(value);
    setError(null);
    if (value) sessionStorage.setItem(draftKey(appealId), value);
    else sessionStorage.removeItem(draftKey(appealId));
  };

  const insert = (snippet: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const r = insertAt(text, start, end, snippet);
    change(r.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(r.caret, r.caret);
    });
  };

  const send = async () => {
    const problem = replyProblem(text);
    if (problem) {
      setError(problem);
      area.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/console/appeals/${encodeURIComponent(appealId)}/replies`, { text: text.trim(), version });
      change('');
      onSent();
    } catch (e) {
      const reason = e instanceof ApiError ? e.message : 'Не удалось отправить ответ';
      setError(
        e instanceof ApiError && e.status === 409
          ? `${reason}. Текст ответа сохранён — проверьте историю и отправьте ещё раз.`
          : reason,
      );
    } finally {
      setBusy(false);
    }
  };

  const length = text.trim().length;
  return (
    <section className="card reply" aria-labelledby="reply-title">
      <h2 id="reply-title">Ответ педагогу</h2>
      {status === 'CLOSED' && <p className="muted small">Обращение закрыто; новый ответ вернёт его в работу, если это разрешено.</p>}
      <KbSearch onInsert={(entry) => insert(kbReplyText(entry.answer, entry.legalBasis))} />
      <form onSubmit={(e) => { e.preventDefault(); send(); }}>
        <label htmlFor="reply-text">Текст ответа (уйдёт в мессенджер педагога)</label>
        <textarea id="reply-text" ref={area} rows={7} value={text} onChange={(e) => change(e.target.value)}
          aria-describedby="reply-count" aria-invalid={!!error} placeholder="Здравствуйте! …" />
        <div className="row between">
          <span id="reply-count" className={length > REPLY_MAX ? 'count over' : 'count'}>
            {length} / {REPLY_MAX}
          </span>
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? 'Отправка…' : 'Отправить ответ'}
          </button>
        </div>
        {error && <Notice kind="error">{error}</Notice>}
      </form>
    </section>
  );
}

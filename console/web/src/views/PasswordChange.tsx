import { useState, type FormEvent } from 'react';

import { Notice } from '../components/ui';
import { api, ApiError } from '../lib/api';
import type { LoginResponse, Session } from '../lib/types';
import { sessionOf } from './Login';

/**
 * The own password change: forced after the first login (or an admin's reset) — until then the session opens
 * nothing else — and available any time from the header.
 */
export function PasswordChange({ session, forced, onChanged, onCancel }: {
  session: Session;
  forced: boolean;
  onChanged: (s: Session) => void;
  onCancel?: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!current || !next) {
      setError('Заполните текущий и новый пароль');
      return;
    }
    if (next !== repeat) {
      setError('Новый пароль и повтор не совпадают');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<LoginResponse>('/api/auth/password', { currentPassword: current, newPassword: next });
      setDone(true);
      onChanged(sessionOf(r, session.username));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Не удалось сменить пароль');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={forced ? 'login-page' : undefined} id="main" tabIndex={-1}>
      <form className="login card" onSubmit={submit} noValidate aria-labelledby="pwd-title">
        <h1 id="pwd-title">Смена пароля</h1>
        {forced && (
          <Notice kind="warn">
            {session.username}, это первый вход с паролем, который выдал администратор. Придумайте свой пароль —
            после этого откроется консоль.
          </Notice>
        )}
        <p className="muted small">Не короче 10 символов, буквы и цифры, не совпадает с логином. Другие сеансы завершатся.</p>
        <label>
          Текущий пароль
          <input name="current" type="password" autoComplete="current-password" value={current} autoFocus
            onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          Новый пароль
          <input name="new" type="password" autoComplete="new-password" value={next}
            onChange={(e) => setNext(e.target.value)} />
        </label>
        <label>
          Повторите новый пароль
          <input name="repeat" type="password" autoComplete="new-password" value={repeat}
            onChange={(e) => setRepeat(e.target.value)} />
        </label>
        {error && <Notice kind="error">{error}</Notice>}
        {done && <Notice kind="ok">Пароль изменён</Notice>}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Сохранение…' : 'Сменить пароль'}
        </button>
        {onCancel && (
          <button type="button" className="btn-ghost" onClick={onCancel}>
            Отмена
          </button>
        )}
      </form>
    </main>
  );
}

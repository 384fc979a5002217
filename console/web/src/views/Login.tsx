import { useState, type FormEvent } from 'react';

import { Notice } from '../components/ui';
import { api, ApiError } from '../lib/api';
import type { LoginResponse, Session } from '../lib/types';

/** Roles come from the token when the login answer does not list them (older servers). */
function rolesFromToken(token: string): string[] {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return Array.isArray(payload.roles) ? payload.roles : [];
  } catch {
    return [];
  }
}

/** The console's session from a login (or password change) answer. */
export function sessionOf(r: LoginResponse, username: string): Session {
  return {
    token: r.accessToken,
    refreshToken: r.refreshToken ?? null,
    expiresIn: r.expiresIn ?? null,
    passwordChangeRequired: !!r.passwordChangeRequired,
    username: r.username ?? username,
    roles: r.passwordChangeRequired ? [] : r.roles?.length ? r.roles : rolesFromToken(r.accessToken),
    region: r.region ?? null,
    regionName: r.regionName ?? null,
    fullName: r.fullName ?? null,
    expiresAt: r.expiresAt ?? null,
  };
}

export function Login({ onLogin, notice }: { onLogin: (s: Session) => void; notice: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('Введите логин и пароль');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<LoginResponse>('/api/auth/login', { username: username.trim(), password });
      onLogin(sessionOf(r, username.trim()));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Не удалось войти');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page" id="main">
      <form className="login card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <div className="login-brand" aria-hidden="true">РОН</div>
        <h1 id="login-title">Консоль оператора</h1>
        <p className="muted">Помощник Рособрнадзора по документационной нагрузке педагогов</p>
        {notice && <Notice>{notice}</Notice>}
        <label>
          Логин
          <input name="username" autoComplete="username" value={username} autoFocus
            onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Пароль
          <input name="password" type="password" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <Notice kind="error">{error}</Notice>}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? 'Вход…' : 'Войти'}
        </button>
        <p className="muted small">
          Для демонстрации: <a href="/simulator/" target="_blank" rel="noopener">симулятор педагога ↗</a>
        </p>
      </form>
    </main>
  );
}

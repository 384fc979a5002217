import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { asList, errorText, keys } from '../lib/queries';
import { REGIONS } from '../lib/regions';
import { managesUsers, ROLE_LABEL } from '../lib/roles';
import { formatDateTime } from '../lib/time';
import type { Session, UserRow } from '../lib/types';

const ROLES = ['OPERATOR', 'REGIONAL_HEAD', 'FEDERAL', 'KB_EDITOR', 'ADMIN'];
const regional = (role: string) => role === 'OPERATOR' || role === 'REGIONAL_HEAD';

/**
 * «Пользователи»: administrators create users, change role and region, disable and enable them and reset passwords
 * (the user then chooses their own at the next login); heads and federal staff see the list. A new operator is on
 * routing's roster at once (the service announces the user), off shift until they start one.
 */
export function Users({ session }: { session: Session }) {
  const admin = managesUsers(session);
  const client = useQueryClient();
  const [actionError, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const users = useQuery({ queryKey: keys.get('/api/console/users'),
    queryFn: () => api.get<UserRow[]>('/api/console/users').then(asList<UserRow>) });
  const rows = users.data ?? null;
  // a fresh reading clears a refusal, as a successful read always did
  useEffect(() => {
    if (users.dataUpdatedAt) setError(null);
  }, [users.dataUpdatedAt]);
  const error = actionError ?? (users.isError ? errorText(users.error, 'Список пользователей недоступен') : null);
  const load = () => void client.invalidateQueries({ queryKey: keys.get('/api/console/users') });

  const change = async (username: string, body: Record<string, unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await api.put(`/api/console/users/${encodeURIComponent(username)}`, body);
      setDone(message);
      setEditing(null);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Не удалось сохранить');
    }
  };

  const resetPassword = (username: string) => {
    const password = window.prompt(`Временный пароль для ${username} (не короче 10 символов, буквы и цифры). `
      + 'При входе пользователь сменит его на свой.');
    if (password) void change(username, { password }, `Пароль ${username} сброшен: сообщите временный пароль пользователю`);
  };

  return (
    <section aria-labelledby="users-title">
      <div className="view-head">
        <h1 id="users-title">Пользователи</h1>
      </div>
      {admin && <CreateUser onCreated={(u) => { setDone(`Пользователь ${u} создан. Сообщите ему временный пароль: при первом входе он сменит его на свой.`); load(); }} />}
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="ok">{done}</Notice>}
      {!rows && !error && <Spinner />}
      {rows && (
        <div className="card table-wrap">
          <table className="users">
            <thead>
              <tr>
                <th scope="col">Логин</th>
                <th scope="col">ФИО</th>
                <th scope="col">Роль</th>
                <th scope="col">Регион</th>
                <th scope="col">Состояние</th>
                {admin && <th scope="col">Действия</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.username} data-username={u.username}>
                  <th scope="row">{u.username}</th>
                  <td>{u.fullName ?? '—'}</td>
                  <td>{u.roles.map((r) => ROLE_LABEL[r] ?? r).join(', ')}</td>
                  <td>{u.regionName ?? u.region ?? '—'}</td>
                  <td>
                    {u.enabled ? 'активен' : 'отключён'}
                    {u.mustChangePassword && <span className="muted small"> · сменит пароль при входе</span>}
                    {u.lockedUntil && <span className="muted small"> · заблокирован до {formatDateTime(u.lockedUntil)}</span>}
                  </td>
                  {admin && (
                    <td>
                      {editing === u.username ? (
                        <EditUser user={u} onSave={(body) => change(u.username, body, `Изменения ${u.username} сохранены`)}
                          onCancel={() => setEditing(null)} />
                      ) : (
                        <span className="actions">
                          <button type="button" className="btn-link" onClick={() => setEditing(u.username)}>Роль и регион</button>
                          {u.username !== session.username && (
                            <button type="button" className="btn-link"
                              onClick={() => change(u.username, { enabled: !u.enabled }, u.enabled ? `${u.username} отключён` : `${u.username} включён`)}>
                              {u.enabled ? 'Отключить' : 'Включить'}
                            </button>
                          )}
                          <button type="button" className="btn-link" onClick={() => resetPassword(u.username)}>Сбросить пароль</button>
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RoleRegion({ role, region, setRole, setRegion }: {
  role: string; region: string; setRole: (r: string) => void; setRegion: (r: string) => void;
}) {
  return (
    <>
      <label>
        Роль
        <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
        </select>
      </label>
      {regional(role) && (
        <label>
          Регион
          <select name="region" value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">— выберите —</option>
            {REGIONS.map((r) => <option key={r.code} value={r.code}>{r.code} {r.name}</option>)}
          </select>
        </label>
      )}
    </>
  );
}

function CreateUser({ onCreated }: { onCreated: (username: string) => void }) {
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('OPERATOR');
  const [region, setRegion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/console/users', {
        username: username.trim(), fullName: fullName.trim() || null, password, roles: [role],
        region: regional(role) ? region || null : null,
      });
      onCreated(username.trim());
      setUsername('');
      setFullName('');
      setPassword('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Не удалось создать пользователя');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="filters card" onSubmit={submit} aria-label="Новый пользователь">
      <label>Логин<input name="new-username" value={username} onChange={(e) => setUsername(e.target.value)} /></label>
      <label>ФИО<input name="new-fullname" value={fullName} onChange={(e) => setFullName(e.target.value)} /></label>
      <label>Временный пароль<input name="new-password" type="password" autoComplete="new-password" value={password}
        onChange={(e) => setPassword(e.target.value)} /></label>
      <RoleRegion role={role} region={region} setRole={setRole} setRegion={setRegion} />
      <button type="submit" className="btn-primary" disabled={busy}>{busy ? 'Создание…' : 'Создать пользователя'}</button>
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}

function EditUser({ user, onSave, onCancel }: {
  user: UserRow; onSave: (body: Record<string, unknown>) => void; onCancel: () => void;
}) {
  const [role, setRole] = useState<string>(user.roles[0] ?? 'OPERATOR');
  const [region, setRegion] = useState(user.region ?? '');
  return (
    <form className="inline-edit" onSubmit={(e) => { e.preventDefault(); onSave({ roles: [role], region: regional(role) ? region : null }); }}>
      <RoleRegion role={role} region={region} setRole={setRole} setRegion={setRegion} />
      <button type="submit" className="btn-secondary">Сохранить</button>
      <button type="button" className="btn-link" onClick={onCancel}>Отмена</button>
    </form>
  );
}

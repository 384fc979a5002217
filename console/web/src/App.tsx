import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { Notice } from './components/ui';
import { api, ApiError } from './lib/api';
import { useLive } from './lib/live';
import { keys, newQueryClient } from './lib/queries';
import { DEFAULT_FILTERS, type Filters } from './lib/query';
import { canRunCampaigns, canWorkAppeals, editsKb, managesTeachers, roleText, seesAllRegions, seesAudit, seesDeadLetters,
  seesFederalQueue, seesShifts, seesUsers } from './lib/roles';
import { href, navigate, useRoute, type Route } from './lib/router';
import { slaStep, type ColumnId } from './lib/status';
import { shorten } from './lib/text';
import type { AppealSummary, Counters, Session, Status } from './lib/types';
import { AppealCardView } from './views/AppealCardView';
import { Campaigns } from './views/Campaigns';
import { AppealList } from './views/AppealList';
import { Audit } from './views/Audit';
import { DeadLetters } from './views/DeadLetters';
import { Teachers } from './views/Teachers';
import { Kanban } from './views/Kanban';
import { KbDrafts } from './views/KbDrafts';
import { KbEntries } from './views/KbEntries';
import { Login } from './views/Login';
import { RegionMap } from './views/RegionMap';
import { PasswordChange } from './views/PasswordChange';
import { Shifts } from './views/Shifts';
import { Stats } from './views/Stats';
import { Users } from './views/Users';

const SESSION_KEY = 'rosobr.console.session';

function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

interface Toast {
  id: number;
  appealId: string;
  text: string;
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => {
    const s = loadSession();
    api.setTokens(s ? { accessToken: s.token, refreshToken: s.refreshToken, expiresIn: s.expiresIn } : null);
    return s;
  });
  const [loginNotice, setLoginNotice] = useState<string | null>(null);
  const [queryClient] = useState(newQueryClient);

  const endSession = useCallback((notice: string | null) => {
    sessionStorage.removeItem(SESSION_KEY);
    api.setToken(null);
    // what one user saw is not shown to the next one who logs in here
    queryClient.clear();
    setSession(null);
    setLoginNotice(notice);
  }, [queryClient]);

  useEffect(() => {
    api.whenUnauthorized(() => endSession('Сеанс истёк или завершён — войдите снова'));
    // a refresh replaces both tokens: keep them for a reload of the page
    api.whenRefreshed((t) => setSession((s) => {
      if (!s) return s;
      const next = { ...s, token: t.accessToken, refreshToken: t.refreshToken ?? s.refreshToken, expiresIn: t.expiresIn ?? s.expiresIn };
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
      return next;
    }));
  }, [endSession]);

  const onLogin = (s: Session) => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
    api.setTokens({ accessToken: s.token, refreshToken: s.refreshToken, expiresIn: s.expiresIn });
    setLoginNotice(null);
    setSession(s);
    // a forced password change comes first: the start view is chosen once the console opens after it
    if (!s.passwordChangeRequired && (!window.location.hash || window.location.hash === '#/')) {
      navigate(canWorkAppeals(s) ? { view: 'list' } : { view: 'kb' });
    }
  };

  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the token is dropped here anyway; an older server without logout lets it expire
    }
    endSession('Вы вышли из консоли');
  };

  if (!session) return <Login onLogin={onLogin} notice={loginNotice} />;
  if (session.passwordChangeRequired) return <PasswordChange session={session} forced onChanged={onLogin} />;
  return (
    <QueryClientProvider client={queryClient}>
      <Shell session={session} onLogout={logout} onExpired={() => endSession('Сеанс истёк — войдите снова')}
        onPasswordChanged={onLogin} />
    </QueryClientProvider>
  );
}

function Shell({ session, onLogout, onExpired, onPasswordChanged }: {
  session: Session; onLogout: () => void; onExpired: () => void; onPasswordChanged: (s: Session) => void;
}) {
  const route = useRoute();
  const works = canWorkAppeals(session);
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const known = useRef(new Set<string>());
  const toastSeq = useRef(0);

  const remember = useCallback((items: AppealSummary[]) => {
    for (const a of items) known.current.add(a.id);
  }, []);

  // the deadline ladder, once per appeal and step: the holder is warned on the last day, the head told of overdue
  const warned = useRef(new Set<string>());
  const onAppeal = useCallback((a: AppealSummary) => {
    if (!a?.id) return;
    const isNew = !known.current.has(a.id);
    known.current.add(a.id);
    const toast = (text: string) => {
      const id = ++toastSeq.current;
      setToasts((t) => [...t.slice(-3), { id, appealId: a.id, text }]);
      setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 10000);
    };
    if (isNew && (a.status === 'NEW' || a.status === 'FEDERAL')) {
      toast(`${a.status === 'FEDERAL' ? 'На федеральный контроль' : 'Новое обращение'}: ${a.teacherFio} — ${shorten(a.text ?? '', 70)}`);
    }
    const step = slaStep(a, session);
    if (step && !warned.current.has(`${a.id}:${step.key}`)) {
      warned.current.add(`${a.id}:${step.key}`);
      toast(`${step.text}: ${a.teacherFio} — ${shorten(a.text ?? '', 70)}`);
    }
  }, [session]);

  const live = useLive(works, session.token, onAppeal, onExpired);

  const route2 = route.view === 'home' ? (works ? { view: 'list' as const } : { view: 'kb' as const }) : route;
  const openId = route2.view === 'appeal' ? route2.id : null;
  // opening a card marks it read on the server: the counters are fetched again after that
  const queryClient = useQueryClient();
  const onOpened = useCallback(() => void queryClient.invalidateQueries({ queryKey: keys.counters }), [queryClient]);

  // the appeal on screen needs no toast
  useEffect(() => {
    if (openId) setToasts((t) => t.filter((x) => x.appealId !== openId));
  }, [openId]);

  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Перейти к содержимому
      </a>
      <header className="top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            РОН
          </span>
          <span>
            Помощник Рособрнадзора
            <br />
            <strong>Консоль оператора</strong>
          </span>
        </div>
        <nav aria-label="Разделы консоли" className="mainnav">
          {works && <NavLink route={route2} to={{ view: 'list' }}>Обращения</NavLink>}
          {works && <NavLink route={route2} to={{ view: 'kanban' }}>Канбан</NavLink>}
          {seesFederalQueue(session) && <NavLink route={route2} to={{ view: 'federal' }}>Федеральный контроль</NavLink>}
          <NavLink route={route2} to={{ view: 'kb' }}>База знаний</NavLink>
          <NavLink route={route2} to={{ view: 'stats' }}>Статистика</NavLink>
          <NavLink route={route2} to={{ view: 'map' }}>Карта</NavLink>
          {canRunCampaigns(session) && <NavLink route={route2} to={{ view: 'campaigns' }}>Рассылки</NavLink>}
          <NavMenu route={route2} label="Ещё">
            {editsKb(session) && <NavLink route={route2} to={{ view: 'kb-entries' }}>Записи базы знаний</NavLink>}
            {seesShifts(session) && <NavLink route={route2} to={{ view: 'shifts' }}>Смены</NavLink>}
            {seesUsers(session) && <NavLink route={route2} to={{ view: 'users' }}>Пользователи</NavLink>}
            {seesAudit(session) && <NavLink route={route2} to={{ view: 'audit' }}>Журнал действий</NavLink>}
            {managesTeachers(session) && <NavLink route={route2} to={{ view: 'teachers' }}>Педагоги</NavLink>}
            {seesDeadLetters(session) && <NavLink route={route2} to={{ view: 'deadletters' }}>Недоставленные события</NavLink>}
            <a href="/simulator/" target="_blank" rel="noopener" title="Симулятор педагога: задать вопрос от имени педагога (новая вкладка)">
              Симулятор педагога ↗
            </a>
          </NavMenu>
        </nav>
        <div className="user">
          {works && <LiveBadge state={live.state} />}
          <span className="who">
            <strong>{session.fullName || session.username}</strong>
            <span className="muted-inv">
              {roleText(session)}
              {session.regionName ? ` · ${session.regionName}` : session.region ? ` · регион ${session.region}` : ''}
            </span>
          </span>
          <a className="btn-link-inv" href={href({ view: 'password' })}>Сменить пароль</a>
          <button type="button" className="btn-ghost" onClick={onLogout}>
            Выйти
          </button>
        </div>
      </header>
      {works && ['list', 'federal', 'kanban', 'appeal'].includes(route2.view) && (
        <CountersBar onPick={(column) => {
          setFilters({ ...DEFAULT_FILTERS, columns: [column] });
          navigate({ view: 'list' });
        }} />
      )}
      <main id="main" tabIndex={-1}>
        {route2.view === 'list' && works && (
          <AppealList session={session} filters={filters} setFilters={setFilters} remember={remember} />
        )}
        {route2.view === 'federal' && works && (
          <AppealList session={session} federalQueue filters={filters} setFilters={setFilters} remember={remember} />
        )}
        {route2.view === 'kanban' && works && <Kanban session={session} remember={remember} />}
        {route2.view === 'appeal' && works && <AppealCardView session={session} id={route2.id} onOpened={onOpened} />}
        {route2.view === 'kb' && <KbDrafts session={session} />}
        {route2.view === 'kb-entries' && editsKb(session) && <KbEntries session={session} />}
        {route2.view === 'stats' && (
          <Stats region={route2.region ?? (seesAllRegions(session) ? undefined : session.region ?? undefined)}
            seesAll={seesAllRegions(session)}
            onOpenAppeals={works ? (region, period) => {
              setFilters({ ...DEFAULT_FILTERS, region, from: period.from, to: period.to });
              navigate({ view: 'list' });
            } : undefined} />
        )}
        {route2.view === 'map' && <RegionMap />}
        {route2.view === 'shifts' && seesShifts(session) && <Shifts session={session} />}
        {route2.view === 'users' && seesUsers(session) && <Users session={session} />}
        {route2.view === 'audit' && seesAudit(session) && <Audit />}
        {route2.view === 'deadletters' && seesDeadLetters(session) && <DeadLetters />}
        {route2.view === 'teachers' && managesTeachers(session) && <Teachers />}
        {route2.view === 'password' && (
          <PasswordChange session={session} forced={false} onChanged={onPasswordChanged}
            onCancel={() => navigate({ view: 'home' })} />
        )}
        {route2.view === 'campaigns' && canRunCampaigns(session) && <Campaigns session={session} />}
        {!works && (route2.view === 'list' || route2.view === 'kanban' || route2.view === 'appeal' || route2.view === 'federal') && (
          <Notice kind="warn">Обращения доступны операторам, руководителям регионов и Рособрнадзору. Ваш раздел — база знаний.</Notice>
        )}
      </main>
      <div className="toasts" aria-live="polite" aria-label="Уведомления">
        {toasts.map((t) => (
          <div key={t.id} className="toast">
            <a href={href({ view: 'appeal', id: t.appealId })}>{t.text}</a>
            <button type="button" aria-label="Закрыть уведомление" onClick={() => setToasts((x) => x.filter((y) => y.id !== t.id))}>
              ×
            </button>
          </div>
        ))}
      </div>
    </>
  );
}

function NavLink({ route, to, children }: { route: Route; to: Route; children: React.ReactNode }) {
  const active = route.view === to.view || (to.view === 'list' && route.view === 'appeal');
  return (
    <a href={href(to)} aria-current={active ? 'page' : undefined}>
      {children}
    </a>
  );
}

// Pages used now and then sit in one disclosure menu, so the bar stays on one line at 1366 px whatever the role.
function NavMenu({ route, label, children }: { route: Route; label: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const views = ['kb-entries', 'shifts', 'users', 'audit', 'teachers', 'deadletters'];
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [route]);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current) ref.current.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', escape);
    };
  }, []);
  return (
    <details ref={ref} className="navmenu">
      <summary aria-current={views.includes(route.view) ? 'page' : undefined}>{label}</summary>
      <div className="navmenu-list">{children}</div>
    </details>
  );
}

function LiveBadge({ state }: { state: string }) {
  const text =
    state === 'live' ? 'Обновления в реальном времени' : state === 'polling' ? 'Обновление каждые 10 с' : 'Подключение…';
  return (
    <span className={`live live-${state}`} title={text}>
      <span aria-hidden="true">●</span> {state === 'live' ? 'Онлайн' : state === 'polling' ? 'Каждые 10 с' : 'Подключение'}
      <span className="sr-only">{text}</span>
    </span>
  );
}

// one chip per kanban column: the server counts the columns, so a chip, the column's count on the kanban and the
// list it opens show the same figure
const COUNTER_CHIPS: { key: Status | 'overdue'; label: string; column: ColumnId }[] = [
  { key: 'NEW', label: 'Новые обращения', column: 'NEW' },
  { key: 'IN_PROGRESS', label: 'В работе', column: 'IN_PROGRESS' },
  { key: 'ANSWERED', label: 'Ответ отправлен', column: 'ANSWERED' },
  { key: 'CLOSED', label: 'Закрыто', column: 'CLOSED' },
  { key: 'overdue', label: 'Просрочено', column: 'OVERDUE' },
  { key: 'FEDERAL', label: 'На федеральном контроле', column: 'FEDERAL' },
];

function CountersBar({ onPick }: { onPick: (column: ColumnId) => void }) {
  // an answer without the figures (an older server) reads as null: «not there yet», not an error
  const { data, error } = useQuery({
    queryKey: keys.counters,
    queryFn: async () => {
      const c = await api.get<Counters>('/api/console/appeals/counters');
      return c && typeof c === 'object' && !Array.isArray(c) && 'NEW' in c ? c : null;
    },
  });
  const counters = data ?? null;
  const problem = error
    ? error instanceof ApiError && error.status !== 0 && error.status < 500 ? 'Счётчики пока недоступны на сервере' : 'Счётчики временно недоступны'
    : data === null ? 'Счётчики пока недоступны на сервере' : null;

  return (
    <div className="counters" aria-label="Счётчики обращений">
      {problem && !counters && <span className="muted">{problem}</span>}
      {counters &&
        COUNTER_CHIPS.map((c) => (
          <button key={c.key} type="button" className={`chip chip-${c.key.toLowerCase()}`}
            onClick={() => onPick(c.column)}>
            {c.label} ({counters[c.key] ?? 0})
          </button>
        ))}
      {counters && (counters.unread ?? 0) > 0 && (
        <span className="chip chip-unread" role="status">
          <span aria-hidden="true">●</span> Непрочитанные ({counters.unread})
        </span>
      )}
    </div>
  );
}

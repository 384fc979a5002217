import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import { Deadline, dueToday, Notice, Spinner, StatusBadge } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { keys } from '../lib/queries';
import { regionName, regionZone } from '../lib/regions';
import { canDraftKb, canEscalate, canReassign, canTakeControl, seesAllRegions } from '../lib/roles';
import { href } from '../lib/router';
import { allowedTargets, isFederal, ORG_TYPE_LABEL, STATUS_LABEL, VERDICT_LABEL } from '../lib/status';
import { shorten } from '../lib/text';
import { browserZone, deadlineLabel, dualTime, moscowLabel } from '../lib/time';
import type { AppealCard, Session, Status, TimelineEntry } from '../lib/types';
import { holderText } from './AppealList';
import { JudgeForm } from './card/JudgeForm';
import { draftFromCard, KbDraftForm } from './card/KbDraftForm';
import { ReplyBox } from './card/ReplyBox';

const KIND: Record<string, { label: string; cls: string }> = {
  TEACHER_QUESTION: { label: 'Педагог', cls: 'teacher' },
  TEACHER_MESSAGE: { label: 'Педагог', cls: 'teacher' },
  AI_ANSWER: { label: 'Бот — ответ ИИ (отправлен педагогу)', cls: 'bot' },
  AI_CANDIDATE: { label: 'ИИ — кандидат ответа (педагогу не отправлялся)', cls: 'bot candidate' },
  OPERATOR_REPLY: { label: 'Оператор', cls: 'operator' },
  AI_JUDGEMENT: { label: 'Оценка ответа ИИ', cls: 'note' },
  ESCALATION: { label: 'Передано на федеральный контроль', cls: 'note' },
  RATING: { label: 'Оценка педагога', cls: 'note' },
  STATUS: { label: 'Смена статуса', cls: 'note' },
  SYSTEM: { label: 'Система', cls: 'note' },
};

function timelineOf(card: AppealCard): TimelineEntry[] {
  if (card.timeline && card.timeline.length) return card.timeline;
  const t: TimelineEntry[] = [{ kind: 'TEACHER_QUESTION', author: card.teacherFio, text: card.text, at: card.createdAt }];
  if (card.aiAnswer) t.push({ kind: 'AI_CANDIDATE', author: 'ИИ', text: card.aiAnswer, at: card.createdAt });
  return t;
}

export function AppealCardView({ session, id, onOpened }: {
  session: Session; id: string; onOpened?: () => void;
}) {
  const client = useQueryClient();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'warn'; text: string } | null>(null);
  const [panel, setPanel] = useState<'none' | 'escalate' | 'kb' | 'reassign'>('none');

  const query = useQuery({
    queryKey: keys.card(id),
    queryFn: () => api.get<AppealCard>(`/api/console/appeals/${encodeURIComponent(id)}`),
  });
  const card = query.data ?? null;
  const error = !query.isError ? null : query.error instanceof ApiError
    ? { text: query.error.message, status: query.error.status } : { text: 'Не удалось открыть обращение', status: 0 };
  // after an action: the card as the server has it now (and the list, the counters behind it)
  const load = () => client.invalidateQueries({ queryKey: keys.live });

  useEffect(() => {
    setNotice(null);
    setPanel('none');
  }, [id]);

  // the server marks the card read when it is opened: the counters are told once per card
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (card && opened.current !== card.id) {
      opened.current = card.id;
      onOpened?.();
    }
  }, [card, onOpened]);

  // a confirmation fades after a while; an error stays until the next action
  useEffect(() => {
    if (notice?.kind !== 'ok') return;
    const t = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(t);
  }, [notice]);

  /** Runs an action; a refusal keeps the user's input and shows the server's reason. */
  const act = async (what: () => Promise<unknown>, ok: string, unavailable: string): Promise<boolean> => {
    try {
      await what();
      setNotice({ kind: 'ok', text: ok });
      await load();
      return true;
    } catch (e) {
      let text = 'Не удалось выполнить действие';
      if (e instanceof ApiError) text = e.unavailable ? unavailable : e.message;
      setNotice({ kind: 'error', text });
      if (e instanceof ApiError && e.status === 409) await load();
      return false;
    }
  };

  if (error && !card) {
    return (
      <section>
        <p><a href={href({ view: 'list' })}>← К списку обращений</a></p>
        <Notice kind="error">{error.status === 404 ? 'Обращение не найдено или недоступно вам' : error.text}</Notice>
      </section>
    );
  }
  if (!card) return <Spinner label="Открываю обращение…" />;

  const myZone = browserZone();
  const teacherZone = card.teacherZone ?? card.regionZone ?? regionZone(card.region) ?? null;
  const deadline = card.deadline ?? card.overdueDeadline ?? null;
  const base = `/api/console/appeals/${encodeURIComponent(card.id)}`;
  const version = card.version;
  const federal = isFederal(card);

  return (
    <article className="appeal" aria-labelledby="appeal-title">
      <p className="crumbs">
        <a href={href({ view: 'list' })}>← К списку обращений</a>
        <a href={href({ view: 'kanban' })}>Канбан</a>
      </p>
      <div className="view-head">
        <h1 id="appeal-title">{card.teacherFio}</h1>
        <StatusBadge appeal={card} />
      </div>
      <div aria-live="polite" className="sticky-notice">{notice && <Notice kind={notice.kind}>{notice.text}</Notice>}</div>

      <div className="appeal-grid">
        <div className="appeal-main">
          <section className="card" aria-labelledby="chat-title">
            <h2 id="chat-title">История переписки</h2>
            <p className="muted small">
              Время: ваше ({moscowLabel(myZone)}) и педагога ({teacherZone ? moscowLabel(teacherZone) : 'пояс неизвестен'}).
            </p>
            <ol className="chat">
              {timelineOf(card).map((m, i) => {
                const k = KIND[m.kind] ?? { label: m.kind, cls: 'note' };
                const t = dualTime(m.at, myZone, teacherZone);
                return (
                  <li key={m.id ?? i} className={`msg msg-${k.cls.replace(' ', ' msg-')}`}>
                    <div className="msg-meta">
                      <span className="msg-author">
                        {k.label}
                        {m.author && k.cls !== 'teacher' && m.author !== 'ИИ' ? ` · ${m.author}` : ''}
                      </span>
                      <time dateTime={m.at}>
                        {t.mine}
                        {t.theirs ? <span className="theirs"> · у педагога {t.theirs}</span> : <span className="theirs"> · у педагога так же</span>}
                      </time>
                    </div>
                    <div className="msg-text">
                      {m.kind === 'AI_JUDGEMENT'
                        ? VERDICT_LABEL[m.text] ?? m.text
                        : m.kind === 'AI_CANDIDATE' && card.aiAnswer
                          ? `${shorten(m.text, 160)} (полностью — в блоке «Ответ ИИ»)`
                          : m.text}
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>

          <ReplyBox appealId={card.id} version={version} status={card.status}
            onSent={() => {
              setNotice({ kind: 'ok', text: 'Ответ отправлен педагогу в его мессенджер' });
              load();
            }} />
        </div>

        <aside className="appeal-side">
          <section className="card" aria-labelledby="teacher-title">
            <h2 id="teacher-title">Педагог</h2>
            <dl className="facts">
              <dt>ФИО</dt>
              <dd>{card.teacherFio}</dd>
              <dt>Регион</dt>
              <dd>
                {card.regionName ?? regionName(card.region)} ({card.region}){teacherZone ? `, ${moscowLabel(teacherZone)}` : ''}
              </dd>
              <dt>Организация</dt>
              <dd>{card.orgType ? ORG_TYPE_LABEL[card.orgType] ?? card.orgType : '—'}</dd>
              <dt>Поступило</dt>
              <dd>{dualTime(card.receivedAt ?? card.createdAt, myZone, teacherZone).mine}</dd>
              <dt>Срок ответа</dt>
              <dd>
                {deadline ? (
                  <>
                    <span className="deadline-day">{deadlineLabel(card.deadlineDay, deadline, teacherZone, !seesAllRegions(session))}</span> <br />
                    <Deadline deadline={deadline} status={card.status} />
                    {dueToday(card) && <> <span className="badge badge-warning">Срок истекает сегодня</span></>}
                  </>
                ) : (
                  '—'
                )}
              </dd>
              {card.escalationReason && (
                <>
                  <dt>Причина федерального контроля</dt>
                  <dd className="escalation-reason">{card.escalationReason}</dd>
                </>
              )}
              <dt>Ведёт</dt>
              <dd>{holderText(card)}</dd>
              {card.rating != null && (
                <>
                  <dt>Оценка педагога</dt>
                  <dd>{card.rating} из 5</dd>
                </>
              )}
            </dl>
          </section>

          <section className="card" aria-labelledby="ai-title">
            <h2 id="ai-title">Ответ ИИ</h2>
            {card.aiAnswer ? (
              <>
                <p className="muted small">
                  Тема: {card.aiTopic ?? '—'} · уверенность:{' '}
                  {card.aiScore != null ? <ScoreMeter score={card.aiScore} /> : '—'}
                </p>
                <blockquote className="ai-answer">{card.aiAnswer}</blockquote>
                <JudgeForm judgement={card.judgement ?? null}
                  onJudge={(verdict, comment) =>
                    act(() => api.post(`${base}/judgement`, { verdict, comment: comment || undefined, version }),
                      `Оценка сохранена: ${VERDICT_LABEL[verdict].toLowerCase()}`, 'Оценка пока недоступна на сервере')} />
              </>
            ) : (
              <p className="muted">ИИ не нашёл подходящего ответа в базе знаний.</p>
            )}
          </section>

          <section className="card actions" aria-labelledby="actions-title">
            <h2 id="actions-title">Действия</h2>
            <StatusMenu status={card.status}
              onMove={(to) => act(() => api.post(`${base}/status`, { status: to, version }),
                `Статус: «${STATUS_LABEL[to]}»`, 'Смена статуса пока недоступна на сервере')} />
            {canEscalate(session) && !federal && (
              <button type="button" className="btn-warn" aria-expanded={panel === 'escalate'}
                onClick={() => setPanel(panel === 'escalate' ? 'none' : 'escalate')}>
                Передать на федеральный контроль…
              </button>
            )}
            {panel === 'escalate' && (
              <ReasonForm label="Причина передачи на федеральный контроль" submit="Передать"
                onCancel={() => setPanel('none')}
                onSubmit={(reason) => act(() => api.post(`${base}/escalate`, { reason, version }),
                  'Обращение передано на федеральный контроль', 'Передача пока недоступна на сервере')
                  .then((ok) => ok && setPanel('none'))} />
            )}
            {card.controlledBy && (
              <p className="small">На федеральном контроле у <strong>{card.controlledBy}</strong></p>
            )}
            {canTakeControl(session) && card.status === 'FEDERAL' && !card.controlledBy && (
              <button type="button" className="btn-primary"
                onClick={() => act(() => api.post(`${base}/take-control`, { version }),
                  'Обращение взято на федеральный контроль', 'Взятие на контроль пока недоступно на сервере')}>
                Взять на контроль
              </button>
            )}
            {canReassign(session) && (
              <button type="button" className="btn-secondary" aria-expanded={panel === 'reassign'}
                onClick={() => setPanel(panel === 'reassign' ? 'none' : 'reassign')}>
                Передать другому оператору…
              </button>
            )}
            {panel === 'reassign' && (
              <ReasonForm label="Логин оператора региона" submit="Передать" single
                onCancel={() => setPanel('none')}
                onSubmit={(operator) => act(() => api.post(`${base}/reassign`, { operator, version }),
                  `Обращение передано оператору ${operator}`, 'Переназначение пока недоступно на сервере')
                  .then((ok) => ok && setPanel('none'))} />
            )}
            {canDraftKb(session) && (
              <button type="button" className="btn-secondary" aria-expanded={panel === 'kb'}
                onClick={() => setPanel(panel === 'kb' ? 'none' : 'kb')}>
                Опубликовать в базу знаний…
              </button>
            )}
          </section>
          {panel === 'kb' && (
            <KbDraftForm initial={draftFromCard(card)} onCancel={() => setPanel('none')}
              onSubmit={(draft) => act(() => api.post(`${base}/kb-drafts`, draft),
                'Черновик статьи создан — его проверит редактор базы знаний', 'Публикация в базу знаний пока недоступна на сервере')
                .then((ok) => ok && setPanel('none'))} />
          )}
        </aside>
      </div>
    </article>
  );
}

function ScoreMeter({ score }: { score: number }) {
  const pct = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return (
    <span className="score">
      <meter min={0} max={100} value={pct} low={40} high={75} optimum={100} aria-label="уверенность ИИ" /> {pct}%
    </span>
  );
}

function StatusMenu({ status, onMove }: { status: Status; onMove: (to: Status) => void }) {
  const targets = allowedTargets(status);
  const [to, setTo] = useState<Status | ''>('');
  if (!targets.length) {
    return <p className="muted small">Статус «{STATUS_LABEL[status]}» меняется ответом или федеральным специалистом.</p>;
  }
  return (
    <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (to) onMove(to); setTo(''); }}>
      <label>
        Перевести в статус
        <select value={to} onChange={(e) => setTo(e.target.value as Status)}>
          <option value="">— выберите —</option>
          {targets.map((t) => (
            <option key={t} value={t}>{STATUS_LABEL[t]}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary" disabled={!to}>Перевести</button>
    </form>
  );
}

function ReasonForm({ label, submit, onSubmit, onCancel, single }: {
  label: string; submit: string; single?: boolean; onSubmit: (v: string) => void; onCancel: () => void;
}) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form className="stack" onSubmit={(e) => {
      e.preventDefault();
      if (!value.trim()) { setProblem('Заполните поле'); return; }
      setProblem(null);
      onSubmit(value.trim());
    }}>
      <label>
        {label}
        {single ? <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          : <textarea rows={3} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />}
      </label>
      {problem && <Notice kind="error">{problem}</Notice>}
      <div className="row">
        <button type="submit" className="btn-primary">{submit}</button>
        <button type="button" className="btn-ghost-dark" onClick={onCancel}>Отмена</button>
      </div>
    </form>
  );
}

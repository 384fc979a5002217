import { useCallback, useEffect, useState } from 'react';

import { Notice, Spinner } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { diffList, diffWords } from '../lib/diff';
import { AUDIENCE_LABEL } from '../lib/status';
import { formatDateTime } from '../lib/time';
import type {
  AnswerPreview as Preview, Audience, GapCluster, KbDraftInput, KbEntryView as Entry, KbJudgement as JudgementRow,
  KbJudgementSummary as Summary, KbVersion as Version, Session,
} from '../lib/types';
import { KbDraftForm } from './card/KbDraftForm';
import { draftFromGap, KbGaps } from './KbGaps';

const ENTRY_STATUS: Record<string, string> = {
  DRAFT: 'черновик — не отвечает',
  VERIFIED: 'проверена — отвечает',
  RETIRED: 'снята с использования',
};

const CHANGE_LABEL: Record<string, string> = {
  CREATED: 'создана',
  EDITED: 'правка',
  VERIFIED: 'проверена',
  RETIRED: 'снята',
  RESTORED: 'возвращена',
  PUBLISHED: 'опубликована из ответа оператора',
  SEEDED: 'стартовая база',
  LEARNED: 'формулировка из оценки оператора',
};

const VERDICT_LABEL: Record<string, string> = { CORRECT: 'верно', PARTIAL: 'частично', WRONG: 'неверно' };

const DECISION_LABEL: Record<string, string> = {
  MATCHED: 'Ответ из базы знаний — уйдёт педагогу сразу',
  UNMATCHED: 'Передать оператору региона — проверенного ответа нет',
  OFF_TOPIC: 'Не по теме — вежливый отказ',
};

const AUDIENCES: Audience[] = ['SCHOOL', 'SPO', 'DOO'];

function message(e: unknown, fallback: string): string {
  if (e instanceof ApiError) return e.unavailable ? 'Действие пока недоступно на сервере' : e.message;
  return fallback;
}

/** The «проверить вопрос» box: the decision the bot would take now, its score and the words that decided. */
export function CheckQuestion() {
  const [text, setText] = useState('');
  const [orgType, setOrgType] = useState('');
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    setError(null);
    try {
      setResult(await api.post<Preview>('/api/answers/preview', { text, ...(orgType ? { orgType } : {}) }));
    } catch (e) {
      setResult(null);
      setError(message(e, 'Проверка не удалась'));
    }
  };
  return (
    <section className="panel kb-check" aria-labelledby="kb-check-title">
      <h2 id="kb-check-title">Проверить вопрос</h2>
      <label>
        Вопрос педагога
        <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} placeholder="например, нужно ли писать поурочные планы" />
      </label>
      <div className="row">
        <label className="inline">
          Организация
          <select value={orgType} onChange={(e) => setOrgType(e.target.value)}>
            <option value="">не указана</option>
            <option value="SCHOOL">школа</option>
            <option value="SPO">колледж (СПО)</option>
            <option value="DOO">детский сад</option>
          </select>
        </label>
        <button type="button" onClick={check} disabled={!text.trim()}>Проверить вопрос</button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {result && (
        <div className="kb-check-result" data-decision={result.decision}>
          <p><strong>Решение:</strong> <span className="decision">{DECISION_LABEL[result.decision] ?? result.decision}</span></p>
          <p className="small">
            Оценка: <strong className="score">{result.score.toFixed(2)}</strong>
            {result.entryId && <> · запись <code>{result.entryId}</code>{result.entryVersion ? `, версия ${result.entryVersion}` : ''}</>}
            {!result.entryId && result.candidateId && <> · ближайшая запись <code>{result.candidateId}</code></>}
          </p>
          {result.matchedTerms && result.matchedTerms.length > 0 && (
            <p className="small">
              Совпавшие слова:{' '}
              {result.matchedTerms.map((t) => (
                <span key={t.word} className="badge" title={`${t.lemma}${t.concept ? ' (понятие-синоним)' : ''}${t.inAnswer ? ' (только в тексте ответа)' : ''}`}>
                  {t.word}{t.concept ? ' ≈' : ''}
                </span>
              ))}
            </p>
          )}
          {result.answer && (
            <blockquote className="kb-answer" aria-label="Ответ, который получит педагог">{result.answer}</blockquote>
          )}
        </div>
      )}
    </section>
  );
}

function Diff({ before, after }: { before: Version; after: Version }) {
  const fields: [string, string, string][] = [
    ['Тема', before.topic, after.topic],
    ['Вопрос', before.question, after.question],
    ['Ответ', before.answer, after.answer],
    ['Основание', before.legalBasis ?? '', after.legalBasis ?? ''],
  ];
  const list = diffList(before.phrasings, after.phrasings);
  const changed = fields.filter(([, a, b]) => a !== b);
  return (
    <div className="kb-diff" aria-label={`Изменения версии ${after.version}`}>
      {before.status !== after.status && (
        <p className="small">Статус: <del>{ENTRY_STATUS[before.status] ?? before.status}</del> → <ins>{ENTRY_STATUS[after.status] ?? after.status}</ins></p>
      )}
      {changed.map(([label, a, b]) => (
        <p key={label} className="small">
          <strong>{label}:</strong>{' '}
          {diffWords(a, b).map((p, i) =>
            p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>)}
        </p>
      ))}
      {list.added.map((p) => <p key={`+${p}`} className="small">Формулировка: <ins>{p}</ins></p>)}
      {list.removed.map((p) => <p key={`-${p}`} className="small">Формулировка: <del>{p}</del></p>)}
      {changed.length === 0 && list.added.length === 0 && list.removed.length === 0 && before.status === after.status && (
        <p className="small muted">Содержание не менялось.</p>
      )}
    </div>
  );
}

function EntryEditor({ entry, session, onChanged }: { entry: Entry; session: Session; onChanged: (e: Entry, note: string) => void }) {
  const [form, setForm] = useState(entry);
  const [newPhrasing, setNewPhrasing] = useState('');
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [judgements, setJudgements] = useState<JudgementRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setForm(entry);
    setError(null);
    api.get<Version[]>(`/api/kb/entries/${encodeURIComponent(entry.id)}/versions`).then(setVersions).catch(() => setVersions(null));
    api.get<JudgementRow[]>(`/api/kb/judgements?entryId=${encodeURIComponent(entry.id)}&limit=50`)
      .then(setJudgements).catch(() => setJudgements(null));
  }, [entry]);

  const act = async (what: () => Promise<Entry>, note: (e: Entry) => string) => {
    setError(null);
    try {
      const saved = await what();
      onChanged(saved, note(saved));
    } catch (e) {
      setError(message(e, 'Не удалось'));
    }
  };
  const path = `/api/kb/entries/${encodeURIComponent(entry.id)}`;
  const save = () => act(() => api.put<Entry>(path, { ...form, version: entry.version }),
    (e) => `Правка сохранена: версия ${e.version} — черновик, до проверки запись не отвечает`);
  const verify = () => act(() => api.post<Entry>(`${path}/verify`, { version: entry.version }),
    (e) => `Версия ${e.version} проверена и отвечает педагогам`);
  const retire = () => act(() => api.post<Entry>(`${path}/retire`, { version: entry.version }),
    () => 'Запись снята с использования и больше не отвечает');
  const restore = () => act(() => api.post<Entry>(`${path}/restore`, { version: entry.version }),
    (e) => e.status === 'VERIFIED' ? 'Запись возвращена и снова отвечает' : 'Запись возвращена как черновик');

  const dirty = JSON.stringify({ ...form, version: 0 }) !== JSON.stringify({ ...entry, version: 0 });
  const canVerifyOwn = session.roles.includes('ADMIN');
  const setAudience = (a: Audience, on: boolean) => {
    const next = on ? [...form.audience.filter((x) => x !== 'ALL'), a] : form.audience.filter((x) => x !== a);
    setForm({ ...form, audience: next.length ? next : ['ALL'] });
  };

  return (
    <article className="panel kb-entry" aria-labelledby="kb-entry-title">
      <div className="row between">
        <h2 id="kb-entry-title">{entry.id}</h2>
        <span className={`badge badge-kb-${entry.status.toLowerCase()}`}>{ENTRY_STATUS[entry.status]} · версия {entry.version}</span>
      </div>
      {entry.status === 'DRAFT' && entry.updatedBy && (
        <p className="small muted">Правку внёс(ла) {entry.updatedBy}{!canVerifyOwn && entry.updatedBy === session.username ? ': проверить её должен другой сотрудник' : ''}.</p>
      )}
      <label>Тема<input value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value })} /></label>
      <label>Основной вопрос<textarea rows={2} value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })} /></label>
      <fieldset>
        <legend>Формулировки ({form.phrasings.length})</legend>
        <ul className="kb-phrasings">
          {form.phrasings.map((p, i) => (
            <li key={`${i}-${p}`} className="row between">
              <span>{p}</span>
              <button type="button" className="link" aria-label={`Удалить формулировку «${p}»`}
                onClick={() => setForm({ ...form, phrasings: form.phrasings.filter((_, k) => k !== i) })}>удалить</button>
            </li>
          ))}
        </ul>
        <div className="row">
          <input aria-label="Новая формулировка" value={newPhrasing} onChange={(e) => setNewPhrasing(e.target.value)} placeholder="как ещё спрашивают об этом" />
          <button type="button" disabled={!newPhrasing.trim() || form.phrasings.includes(newPhrasing.trim())}
            onClick={() => { setForm({ ...form, phrasings: [...form.phrasings, newPhrasing.trim()] }); setNewPhrasing(''); }}>Добавить формулировку</button>
        </div>
      </fieldset>
      <label>Ответ педагогу<textarea rows={6} value={form.answer} onChange={(e) => setForm({ ...form, answer: e.target.value })} /></label>
      <label>Правовое основание<input value={form.legalBasis ?? ''} onChange={(e) => setForm({ ...form, legalBasis: e.target.value })} /></label>
      <fieldset className="row">
        <legend>Для кого</legend>
        {AUDIENCES.map((a) => (
          <label key={a} className="inline">
            <input type="checkbox" checked={form.audience.includes('ALL') || form.audience.includes(a)}
              onChange={(e) => setAudience(a, e.target.checked)} /> {AUDIENCE_LABEL[a]}
          </label>
        ))}
      </fieldset>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="row">
        {entry.status !== 'RETIRED' && <button type="button" onClick={save} disabled={!dirty}>Сохранить правку</button>}
        {entry.status === 'DRAFT' && <button type="button" onClick={verify}>Проверено — опубликовать</button>}
        {entry.status !== 'RETIRED' && <button type="button" className="danger" onClick={retire}>Снять с использования</button>}
        {entry.status === 'RETIRED' && <button type="button" onClick={restore}>Вернуть в работу</button>}
      </div>
      <p className="small muted">Правка становится черновиком: пока её не проверит другой сотрудник, запись не отвечает педагогам.</p>

      <h3>История версий</h3>
      {!versions && <Spinner />}
      {versions && (
        <ol className="kb-versions" reversed>
          {[...versions].reverse().map((v) => {
            const prev = versions.find((x) => x.version < v.version && !versions.some((y) => y.version > x.version && y.version < v.version));
            return (
              <li key={v.version}>
                <span>версия {v.version} — {CHANGE_LABEL[v.change] ?? v.change}, {v.changedBy ?? 'система'}, {v.changedAt ? formatDateTime(v.changedAt) : ''}</span>
                {prev && (
                  <button type="button" className="link" onClick={() => setShown(shown === v.version ? null : v.version)}>
                    {shown === v.version ? 'скрыть изменения' : 'показать изменения'}
                  </button>
                )}
                {prev && shown === v.version && <Diff before={prev} after={v} />}
              </li>
            );
          })}
        </ol>
      )}

      <h3>Оценки операторов</h3>
      {judgements && judgements.length === 0 && <p className="small muted">Операторы ещё не оценивали ответы этой записи.</p>}
      {judgements && judgements.length > 0 && (
        <ul className="kb-judgements">
          {judgements.map((j) => (
            <li key={`${j.appealId}-${j.judgedAt}`} className={`verdict-${j.verdict.toLowerCase()}`}>
              <strong>{VERDICT_LABEL[j.verdict]}</strong> · {j.judgedBy ?? '—'} · {formatDateTime(j.judgedAt)}
              {j.question && <div className="small">Вопрос: {j.question}</div>}
              {j.comment && <div className="small">Комментарий: {j.comment}</div>}
              {j.learnedPhrasing && <div className="small muted">Вопрос добавлен в формулировки записи.</div>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/**
 * KB editors: live entries (edit, verify, retire, restore, phrasings, history with diffs) and the question check;
 * a second tab shows the base's gaps, each of which can become a draft entry.
 */
export function KbEntries({ session }: { session: Session }) {
  const [tab, setTab] = useState<'entries' | 'gaps'>('entries');
  const [fromGap, setFromGap] = useState<GapCluster | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [summary, setSummary] = useState<Record<string, Summary>>({});
  const [selected, setSelected] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    const params = new URLSearchParams();
    if (q.trim().length >= 2) params.set('q', q.trim());
    else if (status) params.set('status', status);
    api.get<Entry[]>(`/api/kb/entries${params.size ? `?${params}` : ''}`)
      .then((list) => { setEntries(list); setError(null); })
      .catch((e: unknown) => { setEntries(null); setError(message(e, 'Не удалось загрузить записи')); });
    api.get<Summary[]>('/api/kb/judgements/summary')
      .then((rows) => setSummary(Object.fromEntries(rows.map((r) => [r.entryId, r]))))
      .catch(() => setSummary({}));
  }, [q, status]);

  useEffect(load, [load]);

  const createDraft = async (d: KbDraftInput) => {
    setDraftError(null);
    try {
      const created = await api.post<Entry>('/api/kb/entries', {
        topic: d.topic, question: d.question, phrasings: d.phrasings, answer: d.answer,
        legalBasis: d.legalBasis || null, audience: [d.audience],
      });
      setFromGap(null);
      setTab('entries');
      setSelected(created);
      setNotice(`Черновик ${created.id} создан. Его проверяет другой сотрудник: после проверки запись отвечает педагогам, `
        + 'а группа уходит из пробелов.');
      load();
    } catch (e) {
      setDraftError(message(e, 'Не удалось создать черновик'));
    }
  };

  return (
    <section aria-labelledby="kb-entries-title">
      <div className="view-head">
        <h1 id="kb-entries-title">Записи базы знаний</h1>
        <p className="muted small">Правка, проверка, снятие и возврат записей; оценки операторов; проверка вопроса; пробелы базы.</p>
      </div>
      <div className="segmented kb-tabs" role="tablist" aria-label="Разделы записей базы знаний">
        <button type="button" role="tab" aria-selected={tab === 'entries'} aria-pressed={tab === 'entries'}
          onClick={() => setTab('entries')}>Записи</button>
        <button type="button" role="tab" aria-selected={tab === 'gaps'} aria-pressed={tab === 'gaps'}
          onClick={() => { setTab('gaps'); setNotice(null); }}>Пробелы базы знаний</button>
      </div>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {tab === 'gaps' && (fromGap ? (
        <div className="kb-layout">
          <div>
            <KbDraftForm key={fromGap.key} initial={draftFromGap(fromGap)} onSubmit={createDraft}
              onCancel={() => { setFromGap(null); setDraftError(null); }}
              title="Новая запись из пробела базы знаний"
              note="Вопрос и формулировки — из вопросов группы; допишите тему, ответ и основание. Запись создаётся черновиком и отвечает после проверки другим сотрудником." />
            {draftError && <Notice kind="error">{draftError}</Notice>}
          </div>
          <CheckQuestion />
        </div>
      ) : <KbGaps onDraft={(c) => { setFromGap(c); setDraftError(null); }} />)}
      {tab === 'entries' && <div className="kb-layout">
        <div>
          <div className="row kb-filters">
            <label className="inline">
              Найти
              <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="слово, тема или id" />
            </label>
            <label className="inline">
              Статус
              <select value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">все</option>
                <option value="VERIFIED">отвечают</option>
                <option value="DRAFT">черновики</option>
                <option value="RETIRED">снятые</option>
              </select>
            </label>
          </div>
          {error && <Notice kind="error">{error}</Notice>}
          {!entries && !error && <Spinner />}
          {entries && (
            <ul className="kb-entry-list">
              {entries.map((e) => {
                const s = summary[e.id];
                return (
                  <li key={e.id} data-entry-id={e.id}>
                    <button type="button" className={`link${selected?.id === e.id ? ' current' : ''}`} onClick={() => { setSelected(e); setNotice(null); }}>
                      {e.question}
                    </button>
                    <div className="small muted">
                      <code>{e.id}</code> · {ENTRY_STATUS[e.status]} · v{e.version}
                      {s && s.wrong > 0 && <span className="badge badge-wrong"> неверно: {s.wrong}</span>}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div>
          {selected
            ? <EntryEditor entry={selected} session={session} onChanged={(e, note) => { setSelected(e); setNotice(note); load(); }} />
            : <p className="muted">Выберите запись слева.</p>}
          <CheckQuestion />
        </div>
      </div>}
    </section>
  );
}

import { useState } from 'react';

import { Notice } from '../../components/ui';
import { AUDIENCE_LABEL } from '../../lib/status';
import type { AppealCard, Audience, KbDraftInput } from '../../lib/types';

export const TOPICS: [string, string][] = [
  ['doc-list', 'перечень документов педагога'],
  ['spo-doc-list', 'документы педагога СПО'],
  ['lesson-plans', 'поурочные планы, конспекты'],
  ['work-program', 'рабочая программа'],
  ['ktp', 'календарно-тематическое планирование'],
  ['paper-duplicates', 'бумажные дубликаты'],
  ['electronic-journal', 'электронный журнал'],
  ['event-reports', 'отчёты о мероприятиях'],
  ['surveys-monitoring', 'мониторинги и анкеты'],
  ['extra-events', 'мероприятия вне программы'],
  ['class-teacher-docs', 'документы классного руководителя'],
  ['student-characteristic', 'характеристики на обучающихся'],
  ['grade-analysis', 'анализ успеваемости'],
  ['external-requests', 'запросы внешних органов'],
  ['social-media-site', 'сайт и соцсети школы'],
  ['teacher-portfolio', 'портфолио педагога'],
  ['chat-rules', 'правила родительских чатов'],
  ['messenger-use', 'мессенджер для чатов'],
  ['appeal-process', 'как рассматривается обращение'],
  ['bot-scope', 'что умеет бот'],
];

function lastReply(card: AppealCard): string {
  const replies = (card.timeline ?? []).filter((m) => m.kind === 'OPERATOR_REPLY');
  return replies.length ? replies[replies.length - 1].text : '';
}

/** The draft an appeal suggests: its question, its topic and audience, the last reply as the answer. */
export function draftFromCard(card: AppealCard): KbDraftInput {
  return {
    topic: card.aiTopic ?? '', audience: (card.orgType as Audience) ?? 'ALL', question: card.text, phrasings: [],
    answer: lastReply(card), legalBasis: '',
  };
}

/**
 * A knowledge-base draft, pre-filled (from an appeal's question and reply, or from a group of routed questions);
 * a KB editor or federal user verifies it.
 */
export function KbDraftForm({ initial, onSubmit, onCancel, title = 'Статья для базы знаний',
  note = 'После проверки редактором ответ будет находиться для похожих вопросов.' }: {
  initial: KbDraftInput; onSubmit: (d: KbDraftInput) => void; onCancel: () => void; title?: string; note?: string;
}) {
  const [topic, setTopic] = useState(initial.topic);
  const [audience, setAudience] = useState<Audience>(initial.audience);
  const [question, setQuestion] = useState(initial.question);
  const [phrasings, setPhrasings] = useState(initial.phrasings.join('\n'));
  const [answer, setAnswer] = useState(initial.answer);
  const [legalBasis, setLegalBasis] = useState(initial.legalBasis);
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <form className="card stack kb-draft" aria-labelledby="kbdraft-title" onSubmit={(e) => {
      e.preventDefault();
      if (!topic.trim() || !question.trim() || !answer.trim()) {
        setProblem('Заполните тему, вопрос и ответ');
        return;
      }
      setProblem(null);
      onSubmit({
        topic: topic.trim(), audience, question: question.trim(),
        phrasings: phrasings.split('\n').map((s) => s.trim()).filter(Boolean),
        answer: answer.trim(), legalBasis: legalBasis.trim(),
      });
    }}>
      <h2 id="kbdraft-title">{title}</h2>
      <p className="muted small">{note}</p>
      <label>
        Тема
        <input list="kb-topics" value={topic} onChange={(e) => setTopic(e.target.value)} placeholder="например, attestation" />
        <datalist id="kb-topics">
          {TOPICS.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
        </datalist>
      </label>
      <label>
        Для кого
        <select value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
          {(['ALL', 'SCHOOL', 'SPO', 'DOO'] as Audience[]).map((a) => <option key={a} value={a}>{AUDIENCE_LABEL[a]}</option>)}
        </select>
      </label>
      <label>
        Вопрос
        <textarea rows={3} value={question} onChange={(e) => setQuestion(e.target.value)} />
      </label>
      <label>
        Другие формулировки (по одной в строке)
        <textarea rows={Math.max(2, Math.min(6, initial.phrasings.length + 1))} value={phrasings} onChange={(e) => setPhrasings(e.target.value)} />
      </label>
      <label>
        Ответ
        <textarea rows={6} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </label>
      <label>
        Правовое основание
        <input value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} placeholder="например, ст. 47 Федерального закона № 273-ФЗ" />
      </label>
      {problem && <Notice kind="error">{problem}</Notice>}
      <div className="row">
        <button type="submit" className="btn-primary">Отправить на проверку</button>
        <button type="button" className="btn-ghost-dark" onClick={onCancel}>Отмена</button>
      </div>
    </form>
  );
}

import { useState } from 'react';

import { Notice } from '../../components/ui';
import { AUDIENCE_LABEL } from '../../lib/status';
import type { AppealCard, Audience } from '../../lib/types';

export interface KbDraftInput {
  topic: string;
  audience: Audience;
  question: string;
  phrasings: string[];
  answer: string;
  legalBasis: string;
}

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

/** Turns the question and the reply into a knowledge-base draft; a KB editor or federal user verifies it. */
export function KbDraftForm({ card, onSubmit, onCancel }: {
  card: AppealCard; onSubmit: (d: KbDraftInput) => void; onCancel: () => void;
}) {
  const [topic, setTopic] = useState(card.aiTopic ?? '');
  const [audience, setAudience] = useState<Audience>((card.orgType as Audience) ?? 'ALL');
  const [question, setQuestion] = useState(card.text);
  const [phrasings, setPhrasings] = useState('');
  const [answer, setAnswer] = useState(lastReply(card));
  const [legalBasis, setLegalBasis] = useState('');
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
      <h2 id="kbdraft-title">Статья для базы знаний</h2>
      <p className="muted small">После проверки редактором ответ будет находиться для похожих вопросов.</p>
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
        <textarea rows={2} value={phrasings} onChange={(e) => setPhrasings(e.target.value)} />
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

import { useState } from 'react';

import { VERDICT_LABEL } from '../../lib/status';
import { formatDateTime } from '../../lib/time';
import type { Judgement, Verdict } from '../../lib/types';

const VERDICTS: Verdict[] = ['CORRECT', 'PARTIAL', 'WRONG'];

/** The operator's verdict on the AI's answer: верно / частично / неверно, with an optional comment. */
export function JudgeForm({ judgement, onJudge }: {
  judgement: Judgement | null; onJudge: (v: Verdict, comment: string) => Promise<boolean>;
}) {
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form className="judge" onSubmit={async (e) => {
      e.preventDefault();
      if (!verdict) return;
      setBusy(true);
      const ok = await onJudge(verdict, comment.trim());
      setBusy(false);
      if (ok) { setVerdict(''); setComment(''); }
    }}>
      {judgement && (
        <p className={`verdict verdict-${judgement.verdict.toLowerCase()}`}>
          Оценка: <strong>{VERDICT_LABEL[judgement.verdict] ?? judgement.verdict}</strong>
          {judgement.operatorId ? ` · ${judgement.operatorId}` : ''}
          {judgement.at ? ` · ${formatDateTime(judgement.at)}` : ''}
          {judgement.comment ? <><br />«{judgement.comment}»</> : null}
        </p>
      )}
      <fieldset>
        <legend>{judgement ? 'Изменить оценку ответа ИИ' : 'Оцените ответ ИИ'}</legend>
        <div className="segmented">
          {VERDICTS.map((v) => (
            <label key={v} className={`seg seg-${v.toLowerCase()}${verdict === v ? ' on' : ''}`}>
              <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
              {VERDICT_LABEL[v]}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Комментарий (необязательно)
        <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
      </label>
      <button type="submit" className="btn-secondary" disabled={!verdict || busy}>Сохранить оценку</button>
    </form>
  );
}

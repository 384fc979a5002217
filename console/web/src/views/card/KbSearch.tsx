import { useEffect, useState } from 'react';

import { Notice } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { AUDIENCE_LABEL } from '../../lib/status';
import { shorten } from '../../lib/text';
import type { KbEntry } from '../../lib/types';

function audienceText(a: KbEntry['audience']): string {
  if (!a) return '';
  const list = Array.isArray(a) ? a : [a];
  return list.map((x) => AUDIENCE_LABEL[x] ?? x).join(', ');
}

/** Search of verified knowledge-base entries (answer-service); `onInsert` puts an answer into the reply. */
export function KbSearch({ onInsert }: { onInsert?: (e: KbEntry) => void }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<KbEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setResults(null);
      setError(null);
      return;
    }
    let cancelled = false;
    const t = setTimeout(() => {
      api
        .get<KbEntry[]>(`/api/kb/entries?q=${encodeURIComponent(query)}`)
        .then((r) => {
          if (cancelled) return;
          const list = Array.isArray(r) ? r : [];
          // only verified entries may go to a teacher
          setResults(list.filter((e) => !e.status || e.status === 'VERIFIED').slice(0, 8));
          setError(null);
        })
        .catch((e: unknown) => {
          if (cancelled) return;
          if (e instanceof ApiError && (e.unavailable || e.status === 403)) {
            setError('Поиск по базе знаний пока недоступен для вашей роли или на сервере');
          } else setError(e instanceof ApiError ? e.message : 'Поиск не удался');
        });
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [q]);

  return (
    <div className="kb-search">
      <label>
        Поиск в базе знаний
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="например, рабочая программа" />
      </label>
      {error && <Notice kind="warn">{error}</Notice>}
      {results && results.length === 0 && <p className="muted small">Ничего не найдено.</p>}
      {results && results.length > 0 && (
        <ul className="kb-results" aria-label="Найденные статьи">
          {results.map((e) => (
            <li key={`${e.id}-${e.version ?? ''}`}>
              <div className="kb-q">
                <strong>{e.question}</strong>
                <span className="muted small"> {e.topic ?? ''}{e.audience ? ` · ${audienceText(e.audience)}` : ''}</span>
              </div>
              <p className="small">{open === e.id ? e.answer : shorten(e.answer, 220)}</p>
              {e.legalBasis && open === e.id && <p className="small muted">Основание: {e.legalBasis}</p>}
              <div className="row">
                {onInsert && (
                  <button type="button" className="btn-secondary small" onClick={() => onInsert(e)}>
                    Вставить в ответ
                  </button>
                )}
                <button type="button" className="btn-link small" aria-expanded={open === e.id}
                  onClick={() => setOpen(open === e.id ? null : e.id)}>
                  {open === e.id ? 'Свернуть' : 'Показать полностью'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { Notice } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { asList, keys, useDebounced } from '../../lib/queries';
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
  const [open, setOpen] = useState<string | null>(null);
  const typed = q.trim();
  const query = useDebounced(typed, 300);
  const path = query.length >= 2 ? `/api/kb/entries?q=${encodeURIComponent(query)}` : null;
  const search = useQuery({
    queryKey: keys.get(path ?? ''),
    // only verified entries may go to a teacher
    queryFn: () => api.get<KbEntry[]>(path!).then((r) => asList<KbEntry>(r).filter((e) => !e.status || e.status === 'VERIFIED').slice(0, 8)),
    enabled: path != null,
    placeholderData: keepPreviousData,
  });
  // a query too short clears the results at once, not after the pause
  const short = typed.length < 2;
  const results = short ? null : search.data ?? null;
  const e = search.error;
  const error = short || !search.isError ? null
    : e instanceof ApiError && (e.unavailable || e.status === 403) ? 'Поиск по базе знаний пока недоступен для вашей роли или на сервере'
      : e instanceof ApiError ? e.message : 'Поиск не удался';

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

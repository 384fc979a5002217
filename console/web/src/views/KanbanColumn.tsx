import type { DragEvent, DragEventHandler } from 'react';

import { Deadline, UnreadDot } from '../components/ui';
import type { ColumnState } from '../lib/kanban';
import { href } from '../lib/router';
import { STATUS_LABEL, type Column } from '../lib/status';
import { shorten } from '../lib/text';
import type { AppealSummary } from '../lib/types';

interface Props {
  col: Column;
  column: ColumnState;
  allRegions: boolean;
  /** cards whose move waits for the server */
  pending: Record<string, true>;
  /** «Показать ещё» is loading */
  loading: boolean;
  /** drag-and-drop highlighting: can-drop, no-drop, over */
  extraClass: string[];
  dropProps: { onDragOver: DragEventHandler; onDragLeave: DragEventHandler; onDrop: DragEventHandler };
  onShowMore: () => void;
  onDragStart: (e: DragEvent, a: AppealSummary) => void;
}

/**
 * One kanban column: the server's count of all its appeals, the loaded cards in a list that scrolls on its own, and
 * «Показать ещё» while the server has more.
 */
export function KanbanColumn({ col, column, allRegions, pending, loading, extraClass, dropProps, onShowMore, onDragStart }: Props) {
  const cards = column.items;
  const cls = ['column', `column-${col.id.toLowerCase()}`, ...extraClass];
  return (
    <section className={cls.join(' ')} aria-labelledby={`col-${col.id}`} data-column={col.id} data-total={column.total}
      {...dropProps}>
      <h2 id={`col-${col.id}`}>
        {col.title} <span className="count">({column.total})</span>
      </h2>
      {col.hint && <p className="hint">{col.hint}</p>}
      <ul tabIndex={cards.length > 0 ? 0 : undefined} aria-label={`Карточки колонки «${col.title}»`}>
        {cards.map((a) => (
          <li key={a.id} className={`kcard${a.unread ? ' unread' : ''}${pending[a.id] ? ' pending' : ''}`} draggable
            data-appeal-id={a.id} onDragStart={(e) => onDragStart(e, a)}>
            <div className="kcard-head">
              <UnreadDot unread={a.unread} />
              <a href={href({ view: 'appeal', id: a.id })} draggable={false}>{a.teacherFio}</a>
              {allRegions && <span className="region-tag" title={a.regionName ?? undefined}>{a.region}</span>}
            </div>
            <p>{shorten(a.text ?? '', 110)}</p>
            <div className="kcard-foot">
              {a.deadline && <Deadline deadline={a.deadline} status={a.status} />}
              {a.overdue && col.id !== 'OVERDUE' && <span className="badge badge-overdue">Просрочено</span>}
              {(col.id === 'OVERDUE' || col.id === 'FEDERAL') && a.status !== col.id ? (
                <span className="muted small">{STATUS_LABEL[a.status]}</span>
              ) : null}
              {a.controlledBy && <span className="muted small">на контроле: {a.controlledBy}</span>}
            </div>
          </li>
        ))}
      </ul>
      {column.total > cards.length && (
        <div className="column-more">
          <span className="muted small">Показано {cards.length} из {column.total}</span>
          {column.next && (
            <button type="button" className="btn-ghost-dark" disabled={loading} onClick={onShowMore}>
              {loading ? 'Загрузка…' : 'Показать ещё'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

// Small shared pieces of the interface.
import type { ReactNode } from 'react';

import { columnOf, STATUS_LABEL } from '../lib/status';
import { deadlineInfo } from '../lib/time';
import type { AppealSummary } from '../lib/types';

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error' | 'ok' | 'warn'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function StatusBadge({ appeal }: { appeal: AppealSummary }) {
  const column = columnOf(appeal);
  return (
    <span className="badges">
      <span className={`badge badge-${appeal.status.toLowerCase()}`}>{STATUS_LABEL[appeal.status] ?? appeal.status}</span>
      {appeal.federal && appeal.status !== 'FEDERAL' && (
        <span className="badge badge-federal">{column === 'FEDERAL' ? 'На федеральном контроле' : 'Был на федеральном контроле'}</span>
      )}
      {appeal.overdue && <span className="badge badge-overdue">Просрочено</span>}
      {dueToday(appeal) && <span className="badge badge-warning">Срок истекает сегодня</span>}
    </span>
  );
}

/** The warning of the deadline day: only while the appeal still waits for an answer and is not overdue yet. */
export function dueToday(appeal: Pick<AppealSummary, 'deadlineWarning' | 'overdue' | 'status'>): boolean {
  return !!appeal.deadlineWarning && !appeal.overdue && appeal.status !== 'ANSWERED' && appeal.status !== 'CLOSED';
}

export function Deadline({ deadline, status }: { deadline?: string | null; status: string }) {
  const info = deadlineInfo(deadline);
  if (!info) return <span className="muted">—</span>;
  if (status === 'ANSWERED' || status === 'CLOSED') return <span className="muted">ответ дан</span>;
  return <span className={info.overdue ? 'deadline overdue' : info.soon ? 'deadline soon' : 'deadline'}>{info.text}</span>;
}

export function UnreadDot({ unread }: { unread?: boolean }) {
  if (!unread) return null;
  return (
    <span className="unread-dot" title="Есть непрочитанные изменения" aria-label="непрочитано">
      ●
    </span>
  );
}

export function Spinner({ label = 'Загрузка…' }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      {label}
    </p>
  );
}

// Appeal statuses, kanban columns and the status-change rules. The server (operator-service) enforces the
// rules; the SPA mirrors them only to show which drops make sense and to explain a refusal without a round trip.
import type { AppealSummary, Session, Status } from './types';

export const STATUS_LABEL: Record<Status, string> = {
  NEW: 'Новое',
  IN_PROGRESS: 'В работе',
  ANSWERED: 'Ответ отправлен',
  CLOSED: 'Закрыто',
  FEDERAL: 'На федеральном контроле',
};

export const STATUSES: Status[] = ['NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED', 'FEDERAL'];

export type ColumnId = Status | 'OVERDUE';

export interface Column {
  id: ColumnId;
  title: string;
  /** the status a drop onto this column requests; none for columns that are not a status */
  target?: Status;
  hint?: string;
}

export const COLUMNS: Column[] = [
  { id: 'NEW', title: 'Новое', target: 'NEW' },
  { id: 'IN_PROGRESS', title: 'В работе', target: 'IN_PROGRESS' },
  { id: 'ANSWERED', title: 'Ответ отправлен', target: 'ANSWERED', hint: 'Сюда обращение попадает после ответа педагогу' },
  { id: 'CLOSED', title: 'Закрыто', target: 'CLOSED' },
  { id: 'OVERDUE', title: 'Просрочено', hint: 'Срок ответа истёк — отметка ставится автоматически' },
  { id: 'FEDERAL', title: 'На федеральном контроле', target: 'FEDERAL', hint: 'Передача — кнопкой в карточке, с причиной' },
];

/** Allowed status changes by drag (or the «Перевести» menu); ANSWERED comes from a reply, FEDERAL from escalation. */
const ALLOWED: Record<Status, Status[]> = {
  NEW: ['IN_PROGRESS'],
  IN_PROGRESS: ['NEW'],
  ANSWERED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: ['IN_PROGRESS'],
  FEDERAL: [],
};

export interface MoveCheck {
  allowed: boolean;
  reason?: string;
}

export function checkMove(from: Status, to: Status): MoveCheck {
  if (from === to) return { allowed: false, reason: 'Обращение уже в этом статусе' };
  if (ALLOWED[from].includes(to)) return { allowed: true };
  if (to === 'ANSWERED') {
    return { allowed: false, reason: 'Статус «Ответ отправлен» ставится сам, когда педагогу уходит ответ' };
  }
  if (to === 'FEDERAL') {
    return { allowed: false, reason: 'На федеральный контроль передают кнопкой в карточке с указанием причины' };
  }
  if (from === 'FEDERAL') {
    return { allowed: false, reason: 'Обращение на федеральном контроле — его ведёт федеральный специалист' };
  }
  if (to === 'CLOSED') {
    return { allowed: false, reason: 'Закрыть можно только обращение, на которое отправлен ответ' };
  }
  return {
    allowed: false,
    reason: `Нельзя перевести из «${STATUS_LABEL[from]}» в «${STATUS_LABEL[to]}»`,
  };
}

export function allowedTargets(from: Status): Status[] {
  return ALLOWED[from];
}

/**
 * Whether the appeal sits under federal control now: escalated (status FEDERAL), or taken under control and still
 * being worked. The server's `federal` flag stays set after the federal answer — the card then moves on with its
 * status (a badge still tells its history).
 */
export function isFederal(a: Pick<AppealSummary, 'status' | 'federal'>): boolean {
  return a.status === 'FEDERAL' || (a.federal === true && (a.status === 'NEW' || a.status === 'IN_PROGRESS'));
}

/**
 * The kanban column of an appeal. Federal control wins over overdue (the federal specialist must find it in
 * their column); overdue applies to appeals still waiting for an answer.
 */
export function columnOf(a: Pick<AppealSummary, 'status' | 'overdue' | 'federal'>): ColumnId {
  if (isFederal(a)) return 'FEDERAL';
  if (a.overdue && (a.status === 'NEW' || a.status === 'IN_PROGRESS')) return 'OVERDUE';
  return a.status;
}

/**
 * What a drop of an appeal onto a column does. A status column asks the server for that status — the server is
 * the authority and explains a refusal; `allowed` says whether the rules known here permit it (the column is
 * highlighted while dragging). The «Просрочено» column is not a status and refuses here.
 */
export function dropOnColumn(
  a: Pick<AppealSummary, 'status' | 'overdue' | 'federal'>,
  column: ColumnId,
): { target?: Status; allowed: boolean; reason?: string } {
  if (columnOf(a) === column) return { allowed: false };
  if (column === 'OVERDUE') {
    return { allowed: false, reason: 'Просрочка отмечается автоматически, когда истекает срок ответа' };
  }
  if (a.status === column) {
    return { allowed: false, reason: `Обращение уже в статусе «${STATUS_LABEL[a.status]}»` };
  }
  const check = checkMove(a.status, column);
  return { target: column, allowed: check.allowed, reason: check.reason };
}

export const ORG_TYPE_LABEL: Record<string, string> = {
  SCHOOL: 'Школа',
  SPO: 'Колледж (СПО)',
  DOO: 'Детский сад (ДОО)',
};

export const VERDICT_LABEL: Record<string, string> = {
  CORRECT: 'Верно',
  PARTIAL: 'Частично',
  WRONG: 'Неверно',
};

export const AUDIENCE_LABEL: Record<string, string> = {
  ALL: 'Все педагоги',
  SCHOOL: 'Школы',
  SPO: 'Колледжи (СПО)',
  DOO: 'Детские сады (ДОО)',
};

/** Which deadline step the viewer is told about live: the holder's warning, the head's overdue notice. */
export function slaStep(a: AppealSummary, session: Session): { key: string; text: string } | null {
  if (a.status === 'ANSWERED' || a.status === 'CLOSED') return null;
  if (a.overdue && session.roles.includes('REGIONAL_HEAD')) return { key: 'overdue', text: 'Просрочено обращение' };
  if (a.deadlineWarning && !a.overdue && a.assignedOperator === session.username) {
    return { key: 'warning', text: 'Срок ответа истекает сегодня' };
  }
  return null;
}

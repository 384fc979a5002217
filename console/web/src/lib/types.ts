// Shapes of the console API (operator-service, answer-service, analytics-service). Fields beyond the fixed
// contract are optional: the SPA works against older and newer servers alike.

export type Status = 'NEW' | 'IN_PROGRESS' | 'ANSWERED' | 'CLOSED' | 'FEDERAL';
export type OrgType = 'SCHOOL' | 'SPO' | 'DOO';
export type Role = 'OPERATOR' | 'REGIONAL_HEAD' | 'FEDERAL' | 'KB_EDITOR' | 'ADMIN';
export type Verdict = 'CORRECT' | 'PARTIAL' | 'WRONG';
export type Audience = 'ALL' | 'SCHOOL' | 'SPO' | 'DOO';

export interface Session {
  token: string;
  refreshToken?: string | null;
  /** seconds the access token lives (the refresh is scheduled from it) */
  expiresIn?: number | null;
  /** the first login after an admin set the password: only the password change is open */
  passwordChangeRequired?: boolean;
  username: string;
  roles: string[];
  region?: string | null;
  regionName?: string | null;
  fullName?: string | null;
  expiresAt?: string | null;
}

export interface AppealSummary {
  id: string;
  status: Status;
  region: string;
  regionName?: string | null;
  teacherFio: string;
  orgType?: OrgType | null;
  text: string;
  createdAt: string;
  target?: string | null;
  assignedOperator?: string | null;
  overdue?: boolean;
  /** has been under federal control (stays true after the federal answer) */
  federal?: boolean;
  /** the federal specialist who took it under control */
  controlledBy?: string | null;
  aiScore?: number | null;
  deadline?: string | null;
  /** the deadline's last day in the teacher's region (followup-service computes it): «до 14.01.2026 23:59» */
  deadlineDay?: string | null;
  /** 09:00 region time on the last day has come, no answer yet: «срок истекает сегодня» */
  deadlineWarning?: boolean;
  /** why it is under federal control: the head's words or the automatic escalation's */
  escalationReason?: string | null;
  rating?: number | null;
  unread?: boolean;
  version?: number;
}

export interface TimelineEntry {
  id?: string;
  kind: string;
  author?: string | null;
  text: string;
  at: string;
}

export interface Judgement {
  verdict: Verdict;
  comment?: string | null;
  operatorId?: string | null;
  at?: string | null;
}

export interface AppealCard extends AppealSummary {
  teacherId?: string;
  teacherZone?: string | null;
  regionZone?: string | null;
  receivedAt?: string | null;
  assignmentReason?: string | null;
  assignedAt?: string | null;
  aiTopic?: string | null;
  aiAnswer?: string | null;
  overdueDeadline?: string | null;
  judgement?: Judgement | null;
  timeline?: TimelineEntry[];
}

export type Counters = Partial<Record<Status | 'overdue' | 'unread', number>>;

export interface KbEntry {
  id: string;
  topic?: string | null;
  question: string;
  answer: string;
  legalBasis?: string | null;
  audience?: Audience | Audience[] | null;
  status?: string;
  version?: number;
}

export interface KbDraft {
  id: string | number;
  status: string;
  appealId?: string | null;
  topic?: string | null;
  audience?: Audience | null;
  question?: string | null;
  phrasings?: string[] | null;
  answer?: string | null;
  legalBasis?: string | null;
  author?: string | null;
  createdAt?: string | null;
  reviewedBy?: string | null;
  reviewedAt?: string | null;
  rejectReason?: string | null;
  entryId?: string | null;
}

export interface RegionStats {
  region: string;
  regionName?: string | null;
  received: number;
  autoAnswered: number;
  routed: number;
  answered: number;
  ratingAvg: number | null;
  ratingCount?: number;
  overdue?: number;
  escalated?: number;
  aiCorrect?: number;
  aiPartial?: number;
  aiWrong?: number;
}

/** A row of a statistics breakdown (GET /api/analytics/daily | regions | topics); times in seconds. */
export interface Figures {
  key: string;
  name: string | null;
  day: string | null;
  appeals: number;
  autoAnswered: number;
  unmatched: number;
  humanRequested: number;
  routed: number;
  answered: number;
  offTopic: number;
  overdue: number;
  escalated: number;
  aiCorrect: number;
  aiPartial: number;
  aiWrong: number;
  ratingAvg: number | null;
  ratingCount: number;
  ratings: number[];
  firstAnswerMedian: number | null;
  firstAnswerP90: number | null;
  specialistAnswerMedian: number | null;
  specialistAnswerP90: number | null;
  /** Rows by region: verified teachers of the registry now, and appeals per 1 000 of them; null when unknown. */
  teachers?: number | null;
  appealsPerThousandTeachers?: number | null;
}

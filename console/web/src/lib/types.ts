// Shapes of the console API. Those of operator-service are generated (openapi-typescript, `npm run api`) from its
// OpenAPI description, src/api/operator.openapi.json, which OpenApiSpecIT keeps equal to the service; the others
// (answer-service, analytics-service) are still written here. A field the server may leave null may also be missing:
// the SPA works against older and newer servers alike.
import type { components } from '../api/operator.gen';

type Operator = components['schemas'];

/** A generated shape as the console reads it: the fixed contract `K` is there, any other field may be absent. */
type Lenient<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>;

type AppealContract = 'id' | 'status' | 'region' | 'teacherFio' | 'text' | 'createdAt';

export type Status = Operator['AppealSummary']['status'];
export type OrgType = 'SCHOOL' | 'SPO' | 'DOO';
export type Role = 'OPERATOR' | 'REGIONAL_HEAD' | 'FEDERAL' | 'KB_EDITOR' | 'ADMIN';
export type Verdict = Operator['JudgementView']['verdict'];
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

/** A row of the appeal list, the kanban and an SSE «appeal» event (operator-service's AppealSummary). */
export type AppealSummary = Lenient<Operator['AppealSummary'], AppealContract>;

export type TimelineEntry = Lenient<Operator['TimelineEntry'], 'kind' | 'text' | 'at'>;

export type Judgement = Lenient<Operator['JudgementView'], 'verdict'>;

/** The card of an appeal (operator-service's AppealCard). */
export type AppealCard = Lenient<Operator['AppealCard'], AppealContract>;

export type Counters = Partial<Operator['AppealCounters']>;

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

/** A knowledge-base draft of the console (operator-service's KbDraft). */
export type KbDraft = Lenient<Operator['KbDraft'], 'id' | 'status'>;

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

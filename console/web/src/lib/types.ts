// Shapes of the console API, generated (openapi-typescript, `npm run api`) from the services' OpenAPI descriptions,
// src/api/<service>.openapi.json, which each service's OpenApiSpecIT keeps equal to the service. A field the server
// may leave null may also be missing: the SPA works against older and newer servers alike.
import type { components as AnalyticsApi } from '../api/analytics.gen';
import type { components as AnswerApi } from '../api/answer.gen';
import type { components as FollowupApi } from '../api/followup.gen';
import type { components as IntakeApi } from '../api/intake.gen';
import type { components as RoutingApi } from '../api/routing.gen';
import type { components } from '../api/operator.gen';

type Operator = components['schemas'];
type Analytics = AnalyticsApi['schemas'];
type Followup = FollowupApi['schemas'];
type Answer = AnswerApi['schemas'];
type Intake = IntakeApi['schemas'];
type Routing = RoutingApi['schemas'];

/** A generated shape as the console reads it: the fixed contract `K` is there, any other field may be absent. */
type Lenient<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>;

/** A generated shape whose fields `K` came later: an older server leaves them out. */
type Newer<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** A generated request whose optional fields a form always fills in. */
type Filled<T> = { [P in keyof T]-?: NonNullable<T[P]> };

type AppealContract = 'id' | 'status' | 'region' | 'teacherFio' | 'text' | 'createdAt';

export type Status = Operator['AppealSummary']['status'];
export type OrgType = NonNullable<Intake['TeacherView']['orgType']>;
export type Role = Operator['UserView']['roles'][number];
export type Verdict = Operator['JudgementView']['verdict'];
export type Audience = NonNullable<Operator['KbDraft']['audience']>;

/** What a login, a refresh and a password change answer (operator-service's Login). */
export type LoginResponse = Lenient<Operator['Login'], 'accessToken'>;

/** The tokens of a login answer, all the API client keeps (a stored session may have no refresh token). */
export type Tokens = Pick<LoginResponse, 'accessToken'>
  & { [P in 'refreshToken' | 'expiresIn']?: LoginResponse[P] | null };

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

/** A kanban column's page of cards (GET /api/console/kanban/{column}; operator-service's KanbanPage). */
export type KanbanPage = Lenient<Omit<Operator['KanbanPage'], 'items'> & { items: AppealSummary[] },
  'column' | 'total' | 'items'>;

/** The first page of every kanban column (GET /api/console/kanban). */
export type KanbanBoard = Omit<Operator['KanbanBoard'], 'columns'> & { columns: KanbanPage[] };

/** A console user as the admin screens list them (GET /api/console/users; operator-service's UserView). */
export type UserRow = Lenient<Operator['UserView'], 'username' | 'roles' | 'enabled'>;

/** One staff action of the audit log (GET /api/console/audit). */
export type AuditRow = Lenient<Operator['AuditEntry'], 'id' | 'actor' | 'action' | 'at'>;

/** A knowledge-base entry as answer-service shows it to editors (GET /api/kb/entries; its EntryView). */
export type KbEntryView = Answer['EntryView'];

/** An entry found from the reply box: its text is what the operator inserts, the rest may be absent. */
export type KbEntry = Lenient<KbEntryView, 'id' | 'question' | 'answer'>;

/** One version of an entry in its history (GET /api/kb/entries/{id}/versions). */
export type KbVersion = Answer['VersionView'];

/** An operator's judgement of the AI's answer, as KB editors see it (GET /api/kb/judgements). */
export type KbJudgement = Answer['Judgement'];

/** An entry's judgements counted (GET /api/kb/judgements/summary). */
export type KbJudgementSummary = Answer['JudgementSummary'];

/** What answer-service would decide for a question, and why (POST /api/answers/preview). */
export type AnswerPreview = Answer['PreviewResponse'];

/** The KB gaps of a period (GET /api/kb/gaps) and one of them: a group of similar routed questions. */
export type GapReport = Answer['GapReport'];
export type GapCluster = Answer['GapCluster'];

/** A knowledge-base draft of the console (operator-service's KbDraft). */
export type KbDraft = Lenient<Operator['KbDraft'], 'id' | 'status'>;

/** A draft's fields as the console's form edits them (operator-service's KbDraftFields): all filled, one audience. */
export type KbDraftInput = Omit<Filled<Operator['KbDraftFields']>, 'audience'> & { audience: Audience };

/**
 * A row of a statistics breakdown (GET /api/analytics/daily | regions | topics); times in seconds. Rows by region:
 * verified teachers of the registry now, and appeals per 1 000 of them; null when unknown.
 */
export type Figures = Newer<Analytics['Figures'], 'teachers' | 'appealsPerThousandTeachers'>;

/** GET /api/analytics/campaigns: campaign messages of a region (null region: the whole country) over a period. */
export type CampaignRatesRow = Analytics['CampaignRates'];

/** A campaign with its progress, as GET /api/campaigns/{id} returns it. */
export type Campaign = Followup['CampaignView'];

/** A campaign's progress in one region (GET /api/campaigns/{id}/regions). */
export type CampaignRegion = Followup['RegionRow'];

/** The audience's size (POST /api/campaigns/preview) and a created campaign (POST /api/campaigns). */
export type CampaignPreview = Followup['Preview'];
export type CampaignCreated = Followup['Created'];

/** A teacher of the registry page (GET /api/admin/teachers; intake-service's TeacherView). */
export type TeacherRow = Lenient<Intake['TeacherView'],
  'teacherId' | 'channel' | 'platformUserId' | 'verified' | 'disabled'>;

/** What intake-service answers to an uploaded registry file (POST /api/admin/teachers/upload). */
export type UploadReport = Intake['Report'];

/** The calling operator's shift (GET /api/routing/shifts/me, POST …/start and …/end; routing-service's ShiftView). */
export type MyShift = Lenient<Routing['ShiftView'], 'username' | 'onRoster' | 'onShift' | 'openAppeals'>;

/** An operator of the roster (GET /api/routing/operators; routing-service's OperatorView). */
export type RosterRow = Lenient<Routing['OperatorView'], 'username' | 'region' | 'onShift' | 'openAppeals'>;

/**
 * A dead letter of a service (GET /api/admin/dead-letters/<service>) and what its replay did: the platform's one
 * controller in every service, described in operator-service's.
 */
export type DeadLetter = Operator['DeadLetter'];
export type DeadLetterReplayed = Operator['Replayed'];

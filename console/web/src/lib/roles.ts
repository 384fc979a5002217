// What the interface offers to a role. The services decide what is allowed; this only hides what would be refused.
import type { Session } from './types';

const has = (s: Session | null, ...roles: string[]) => !!s && s.roles.some((r) => roles.includes(r));

export const canWorkAppeals = (s: Session | null) => has(s, 'OPERATOR', 'REGIONAL_HEAD', 'FEDERAL', 'ADMIN');
export const seesAllRegions = (s: Session | null) => has(s, 'FEDERAL', 'ADMIN');
export const canEscalate = (s: Session | null) => has(s, 'OPERATOR', 'REGIONAL_HEAD');
export const canTakeControl = (s: Session | null) => has(s, 'FEDERAL');
export const canReassign = (s: Session | null) => has(s, 'REGIONAL_HEAD', 'FEDERAL', 'ADMIN');
export const canDraftKb = (s: Session | null) => has(s, 'OPERATOR', 'REGIONAL_HEAD', 'FEDERAL');
export const canVerifyKb = (s: Session | null) => has(s, 'KB_EDITOR', 'FEDERAL');
export const editsKb = (s: Session | null) => has(s, 'KB_EDITOR', 'FEDERAL', 'ADMIN');
export const seesUsers = (s: Session | null) => has(s, 'REGIONAL_HEAD', 'FEDERAL', 'ADMIN');
export const managesUsers = (s: Session | null) => has(s, 'ADMIN');
export const worksShifts = (s: Session | null) => has(s, 'OPERATOR');
export const seesShifts = (s: Session | null) => has(s, 'OPERATOR', 'REGIONAL_HEAD', 'FEDERAL', 'ADMIN');
export const seesAudit = (s: Session | null) => has(s, 'REGIONAL_HEAD', 'FEDERAL', 'ADMIN');
// the teacher registry holds every region's names and messenger ids: intake-service admits ADMIN only
export const managesTeachers = (s: Session | null) => has(s, 'ADMIN');
export const seesDeadLetters = (s: Session | null) => has(s, 'ADMIN');
export const canRunCampaigns = (s: Session | null) => has(s, 'FEDERAL', 'ADMIN', 'REGIONAL_HEAD');
export const seesFederalQueue = (s: Session | null) => has(s, 'FEDERAL', 'ADMIN');

export const ROLE_LABEL: Record<string, string> = {
  OPERATOR: 'оператор',
  REGIONAL_HEAD: 'руководитель региона',
  FEDERAL: 'Рособрнадзор',
  KB_EDITOR: 'редактор базы знаний',
  ADMIN: 'администратор',
};

export function roleText(s: Session): string {
  return s.roles.map((r) => ROLE_LABEL[r] ?? r).join(', ');
}

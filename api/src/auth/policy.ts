import type { Role } from '../db/schema/index.ts';
import { ForbiddenError } from '../lib/errors.ts';
import { EVERYTHING, type Reach, type Viewer } from './reach.ts';

/*
 * Who may do what: every action of the API named once, with the roles that may take it and what its
 * target must lie within. The role decides here; the reach is then enforced in SQL by the data layer
 * (db/queries/scope.ts), where no resolver can forget it. Resolvers, HTTP routes, the CLI and reports
 * ask `authorize`; GET /auth/session hands `permissionsOf` to the dashboard, which shows a control
 * only when the account holds its action.
 */

const LEADERSHIP = ['ADMIN', 'PROVINCE'] as const;
const EVERY_ROLE = ['ADMIN', 'PROVINCE', 'ANALYST', 'DISTRICT', 'OFFICER'] as const;

/**
 * What an action's target must lie within, beyond the role:
 *  - scope: the figures asked for are those of the caller's reach (a province's, a district's, an
 *    officer's own units'); nothing outside it is counted;
 *  - area: the area named must be one whose figures the caller reads;
 *  - unit: every unit (or person of a unit) named must be within the caller's reach;
 *  - own: the caller's own account (or, for an officer, their own record);
 *  - province: no target narrower than the province: only whole-province roles hold it.
 */
export type Within = 'scope' | 'area' | 'unit' | 'own' | 'province';

interface Rule {
  roles: readonly Role[];
  within: Within;
  /** The action in a sentence after "may" / "may not", for refusals and the README. */
  does: string;
}

export const POLICY = {
  'figures:read': { roles: EVERY_ROLE, within: 'scope', does: 'read figures' },
  'persons:read': {
    roles: ['ADMIN', 'DISTRICT', 'OFFICER'],
    within: 'unit',
    does: "read insured persons' names, codes and contact details",
  },
  'access-log:read': {
    roles: ['ADMIN'],
    within: 'province',
    does: "review who read persons' data and who was refused it",
  },
  'audit-log:read': { roles: ['ADMIN'], within: 'province', does: 'read the audit log of recorded progress' },
  'accounts:manage': { roles: ['ADMIN'], within: 'province', does: 'manage accounts and their tokens' },
  'tokens:own': { roles: EVERY_ROLE, within: 'own', does: 'manage its own API tokens' },
  'password:own': { roles: EVERY_ROLE, within: 'own', does: 'change its own password' },
  'api:explore': {
    roles: ['ADMIN', 'ANALYST'],
    within: 'province',
    does: 'explore the API in GraphiQL (the API itself answers every role)',
  },
  'staff-contacts:read': {
    roles: [...LEADERSHIP, 'DISTRICT'],
    within: 'scope',
    does: "read officers' e-mail addresses (an officer reads their own)",
  },
  'goal:set': { roles: [...LEADERSHIP, 'DISTRICT'], within: 'area', does: 'set goals' },
  'milestone:record': {
    roles: ['ADMIN', 'DISTRICT', 'OFFICER'],
    within: 'unit',
    does: "record units' milestones",
  },
  'blocker:record': {
    roles: ['ADMIN', 'DISTRICT', 'OFFICER'],
    within: 'unit',
    does: 'record why persons are stuck',
  },
  'steps:record': { roles: ['ADMIN', 'DISTRICT'], within: 'unit', does: "record persons' steps" },
  'training:record': { roles: ['ADMIN', 'DISTRICT'], within: 'unit', does: 'record training sessions' },
  'assignment:record': { roles: ['ADMIN', 'DISTRICT'], within: 'unit', does: 'assign officers to units' },
  'files:import': { roles: ['ADMIN', 'DISTRICT'], within: 'unit', does: 'import files' },
  'imports:read': {
    roles: [...LEADERSHIP, 'DISTRICT'],
    within: 'scope',
    does: 'read the import history (a district head: of the accounts of their area)',
  },
  'report:read': {
    roles: [...LEADERSHIP, 'ANALYST', 'DISTRICT'],
    within: 'area',
    does: 'make progress reports',
  },
  'report:publish': { roles: [...LEADERSHIP, 'DISTRICT'], within: 'area', does: 'publish progress reports' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

export const ACTIONS = Object.keys(POLICY) as Action[];

/** Whether an account of this role may take the action (its target's reach is checked where it is read). */
export function may(role: Role, action: Action): boolean {
  return (POLICY[action].roles as readonly Role[]).includes(role);
}

/** Refuses with FORBIDDEN unless the viewer's role may take the action. */
export function authorize(viewer: Pick<Viewer, 'role'>, action: Action): void {
  if (!may(viewer.role, action))
    throw new ForbiddenError(
      `A ${viewer.role} account may not ${POLICY[action].does}`,
      undefined,
      undefined,
      {
        code: 'ROLE_MAY_NOT',
        args: { role: viewer.role, action },
      },
    );
}

/** Every action the role may take, in the catalogue's order: what the dashboard shows controls for. */
export function permissionsOf(role: Role): Action[] {
  return ACTIONS.filter((action) => may(role, action));
}

/**
 * `pnpm cli` acts for whoever operates the machine, who already holds the database itself: it reads
 * and writes the whole province. The commands take their reach from here rather than each its own.
 */
export const OPERATOR_REACH: Reach = EVERYTHING;

/*
 * The actions of the API's policy (api/src/auth/policy.ts), which GET /auth/session lists for the
 * signed-in account. The dashboard shows a control only when the account holds its action and never
 * decides by role itself; tests/web/permissions.test.ts keeps this list in step with the API's.
 */
export const ACTIONS = [
  'figures:read',
  'persons:read',
  'access-log:read',
  'audit-log:read',
  'accounts:manage',
  'tokens:own',
  'password:own',
  'api:explore',
  'staff-contacts:read',
  'goal:set',
  'milestone:record',
  'blocker:record',
  'steps:record',
  'training:record',
  'assignment:record',
  'files:import',
  'imports:read',
  'report:read',
  'report:publish',
] as const;

export type Action = (typeof ACTIONS)[number];

/** What /record is about: the actions that record progress, on that page or on a unit's. */
export const RECORDING: readonly Action[] = [
  'steps:record',
  'training:record',
  'assignment:record',
  'milestone:record',
  'blocker:record',
];

import { expect, test } from 'vitest';
import { ACTIONS as API_ACTIONS } from '../../api/src/auth/policy.ts';
import { RECORDING, ACTIONS as WEB_ACTIONS } from '../../web/src/auth/permissions.ts';

/*
 * The dashboard types the actions /auth/session lists by its own copy of the names (it cannot import
 * the API's module into the browser bundle); this keeps the copy the API's, in the same order.
 */

test('the dashboard knows exactly the actions of the API’s policy', () => {
  expect([...WEB_ACTIONS]).toEqual(API_ACTIONS);
});

test('what /record is about is a list of recording actions of the policy', () => {
  for (const action of RECORDING) expect(action).toMatch(/:record$/);
  expect([...RECORDING].sort()).toEqual(API_ACTIONS.filter((a) => a.endsWith(':record')).sort());
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * `lastActivity`: up to which day a scope has recorded activity, on the hand-made data as it was
 * loaded (helpers/hand-made.ts gives every day by hand).
 */

let database: Database;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<AnyData>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  const { apollo } = await createApp(database, { serveWeb: false });
  run = (query, variables) => execute(apollo, database, query, variables);
});
afterAll(() => database?.close());

describe('the last day with recorded activity', () => {
  const LAST = 'query ($scope: Scope, $asOf: Date) { lastActivity(scope: $scope, asOf: $asOf) }';
  test.each([
    ['the province, long after', undefined, '2021-12-31', '2021-07-01'],
    ['the province, in June', undefined, '2021-06-05', '2021-06-02'],
    ['a district (902: UC only)', { areaId: '902' }, '2021-12-31', '2021-05-01'],
    ['a unit (UA)', { unitId: 'UA' }, '2021-12-31', '2021-06-10'],
    ['a unit before anything (UA: contacted 20/04)', { unitId: 'UA' }, '2021-04-19', null],
    ['a unit on its contact day', { unitId: 'UA' }, '2021-04-20', '2021-04-20'],
    ['an officer, on a day they held UA', { staffId: 'S1' }, '2021-05-25', '2021-05-20'],
    ['a sector (HCSN: UB)', { sector: 'HCSN' }, '2021-12-31', '2021-07-01'],
  ])('%s: as of %s', async (_what, scope, asOf, expected) => {
    const result = await run(LAST, { scope, asOf });
    expect(result.errors).toBeUndefined();
    expect(result.data?.lastActivity).toBe(expected);
  });

  test('an area outside the reach or unknown is refused as coverage is', async () => {
    const result = await run(LAST, { scope: { areaId: '999' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

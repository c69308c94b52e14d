import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { csv, importFile } from '../helpers/imports.ts';

/* The import history through GraphQL: the roles that manage the data read it, the others may not. */

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
const viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  for (const [username, role, extra] of [
    ['admin', 'ADMIN', {}],
    ['tinh', 'PROVINCE', {}],
    ['huyen', 'DISTRICT', { area: '901' }],
    ['canbo', 'OFFICER', { staff: 'S1' }],
    ['phantich', 'ANALYST', {}],
  ] as const)
    viewers[role] = (await addAccount(database.db, { username, role, ...extra })).viewer;
  await importFile(
    database,
    'steps',
    csv('social_insurance_code,step,date', '9000000004,REGISTERED,2021-06-01'),
    {
      fileName: 'buoc-thang-6.csv',
    },
  );
  await importFile(database, 'persons', csv('social_insurance_code,full_name', '9000000009,X'), {
    fileName: 'thieu-cot.csv',
  });
  // The district head's own dry run, from the dashboard: theirs to see, unlike the province's files.
  await importFile(
    database,
    'steps',
    csv('social_insurance_code,step,date', '9000000001,REGISTERED,2021-05-03'),
    {
      fileName: 'huyen-thu.csv',
      dryRun: true,
      actor: { userId: viewers.DISTRICT?.userId ?? null, osUser: null },
      reach: { kind: 'area', areaId: viewers.DISTRICT?.areaId as number },
    },
  );
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

const run = (
  role: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<AnyData>> =>
  execute(apollo, database, query, variables, new Date('2021-12-31T05:00:00Z'), viewers[role]);

const IMPORTS = `query ($first: Int, $offset: Int, $kind: ImportKind) {
  imports(first: $first, offset: $offset, kind: $kind) {
    id kind fileName sha256 username osUser startedAt finishedAt rowsRead rowsWritten rowsUnchanged rowsRejected
    warnings outcome problems { row column code severity message messageVi }
  }
}`;

describe('imports', () => {
  test.each(['ADMIN', 'PROVINCE'])('%s reads the whole history, newest first', async (role) => {
    const { data, errors } = await run(role, IMPORTS);
    expect(errors).toBeUndefined();
    expect(data?.imports.map((i: AnyData) => i.fileName)).toEqual([
      'huyen-thu.csv',
      'thieu-cot.csv',
      'buoc-thang-6.csv',
    ]);
    expect(data?.imports[1]).toMatchObject({
      kind: 'PERSONS',
      fileName: 'thieu-cot.csv',
      outcome: 'REJECTED',
      rowsWritten: 0,
      osUser: 'tester',
      username: null,
      problems: [
        {
          row: 1,
          column: 'unit_code',
          code: 'MISSING_COLUMN',
          severity: 'ERROR',
          messageVi: expect.stringContaining('thiếu cột bắt buộc'),
        },
      ],
    });
    expect(data?.imports[2]).toMatchObject({
      kind: 'STEPS',
      outcome: 'APPLIED',
      rowsRead: 1,
      rowsWritten: 1,
    });
  });

  test('a district head reads the imports of the accounts of their area only, not the province’s files', async () => {
    const { data, errors } = await run('DISTRICT', IMPORTS);
    expect(errors).toBeUndefined();
    expect(data?.imports).toEqual([
      expect.objectContaining({ fileName: 'huyen-thu.csv', username: 'huyen', outcome: 'DRY_RUN' }),
    ]);
  });

  test.each(['OFFICER', 'ANALYST'])('%s may not read it', async (role) => {
    const { data, errors } = await run(role, IMPORTS);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(data?.imports).toBeUndefined();
  });

  test('filters by kind and pages by first and offset', async () => {
    const steps = await run('ADMIN', IMPORTS, { kind: 'STEPS' });
    expect(steps.data?.imports.map((i: AnyData) => i.fileName)).toEqual([
      'huyen-thu.csv',
      'buoc-thang-6.csv',
    ]);
    const second = await run('ADMIN', IMPORTS, { first: 1, offset: 2 });
    expect(second.data?.imports.map((i: AnyData) => i.fileName)).toEqual(['buoc-thang-6.csv']);
    expectBadUserInput(await run('ADMIN', IMPORTS, { first: 0 }), 'first');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { COVERAGE_COUNTS } from '../../api/src/db/queries/coverage.ts';
import { createApp } from '../../api/src/server.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { figures, HAND_MADE } from '../helpers/hand-made.ts';

/*
 * District and commune breakdowns read from the area rollups: the hand-made data set and one unit UD
 * placed in district 902 itself (no commune), with two persons: p8 R 05-02 Act 05-12 (approved with it), p9 nothing.
 * By commune, UD is the `none` row; by district it is inside 902 and there is no `none` row.
 */

let database: Database;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<AnyData>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, {
    ...HAND_MADE,
    units: [
      ...HAND_MADE.units,
      {
        code: 'UD',
        areaCode: '902',
        officeCode: 'BHXH-902',
        sector: 'NQD',
        persons: { '9000000008': { REGISTERED: '2021-05-02', ACTIVATED: '2021-05-12' }, '9000000009': {} },
      },
    ],
  });
  const { apollo } = await createApp(database, { serveWeb: false });
  run = (query, variables) => execute(apollo, database, query, variables);
});
afterAll(() => database?.close());

const FIELDS = 'target registered approved activated formSigned verified activationRate units unitsContacted';

async function breakdown(by: string, asOf: string, areaId?: string) {
  const result = await run(
    `query ($asOf: Date, $scope: Scope) {
       breakdown(by: ${by}, scope: $scope, asOf: $asOf) { key coverage { ${FIELDS} } }
       coverage(scope: $scope, asOf: $asOf) { ${FIELDS} } }`,
    { asOf, scope: areaId ? { areaId } : undefined },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const rows = result.data?.breakdown as { key: string; coverage: Record<string, number> }[];
  return { rows, whole: result.data?.coverage as Record<string, number> };
}

describe('area breakdowns with a unit placed above the level asked', () => {
  test('by commune, the unit in district 902 itself is the `none` row, with its own figures', async () => {
    const { rows } = await breakdown('COMMUNE', '2021-05-31');
    expect(rows.map((r) => r.key)).toEqual(['90101', '90102', '90201', 'none']);
    expect(rows.at(-1)?.coverage).toEqual(figures(2, 1, 1, 1, 0, 0, 1, 0));
    const district = await breakdown('COMMUNE', '2021-05-31', '902');
    expect(district.rows.map((r) => r.key)).toEqual(['90201', 'none']);
    expect(district.rows.at(-1)?.coverage).toEqual(figures(2, 1, 1, 1, 0, 0, 1, 0));
  });

  test('by district there is no `none` row: every unit lies in a district', async () => {
    const { rows } = await breakdown('DISTRICT', '2021-05-31');
    expect(rows.map((r) => r.key)).toEqual(['901', '902']);
    // 902: UC's p7 (registered 05-01) and UD's two persons.
    expect(rows[1]?.coverage).toEqual(figures(3, 2, 1, 1, 0, 0, 2, 0));
  });

  test('on every day, the rows add up to the coverage of the scope', async () => {
    for (const asOf of ['2021-04-30', '2021-05-12', '2021-06-15', '2021-12-31']) {
      for (const [by, areaId] of [
        ['DISTRICT', undefined],
        ['COMMUNE', undefined],
        ['COMMUNE', '901'],
        ['COMMUNE', '902'],
      ] as const) {
        const { rows, whole } = await breakdown(by, asOf, areaId);
        for (const key of COVERAGE_COUNTS) {
          const sum = rows.reduce((total, r) => total + (r.coverage[key] ?? 0), 0);
          expect(sum, `${by} of ${areaId ?? 'the province'} on ${asOf}: ${key}`).toBe(whole[key]);
        }
        expect(
          rows.some((r) => r.key === 'none'),
          `${by} of ${areaId ?? 'the province'}`,
        ).toBe(by === 'COMMUNE' && areaId !== '901');
      }
    }
  });
});

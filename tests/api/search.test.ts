import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount, addHandMadeAccounts, type HandMadeAccount } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * The header's search over the hand-made data, with one more officer (S3, of district 902's office):
 * units "Đơn vị UA/UB/UC", officers "Cán bộ S1/S2/S3", areas "Phường Hòa Bình" and the like. What each
 * account finds is what it may open, and nothing else.
 */

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
let viewers: Record<HandMadeAccount | 'office902', Viewer>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, {
    ...HAND_MADE,
    staff: [...(HAND_MADE.staff ?? []), { code: 'S3', officeCode: 'BHXH-902' }],
  });
  viewers = {
    ...(await addHandMadeAccounts(database.db, ['admin', 'province', 'analyst', 'd901', 'd902', 's1', 's2'])),
    // BHXH-902's own account: a BHXH cơ sở, whose reach is the units its office manages.
    office902: (await addAccount(database.db, { username: 'coso902', role: 'DISTRICT', office: 'BHXH-902' }))
      .viewer,
  };
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

const SEARCH = `query ($text: String!, $first: Int, $geography: ID) {
  search(text: $text, first: $first, geography: $geography) {
    units { code name district { id } commune { id } }
    officers { code fullName office { id } }
    areas { code name level }
  }
}`;

type Who = HandMadeAccount | 'office902';

const run = (who: Who, variables: Record<string, unknown>): Promise<GraphQLResult<AnyData>> =>
  execute(apollo, database, SEARCH, variables, new Date('2021-12-31T05:00:00Z'), viewers[who]);

/** The codes found of each kind. */
async function found(who: Who, text: string, first?: number) {
  const result = await run(who, { text, first });
  expect(result.errors).toBeUndefined();
  const s = result.data?.search;
  return {
    units: s.units.map((u: AnyData) => u.code),
    officers: s.officers.map((o: AnyData) => o.code),
    areas: s.areas.map((a: AnyData) => a.code),
  };
}

describe('search without diacritics', () => {
  test('"hoa binh", "Hòa Bình" and "HOA BINH" all find Phường Hòa Bình', async () => {
    for (const text of ['hoa binh', 'Hòa Bình', 'HOA BINH', '  hoa   binh ']) {
      expect((await found('admin', text)).areas).toEqual(['90101']);
    }
  });

  test('every word must appear, in any order: "binh phuong" finds it, "binh xa" does not', async () => {
    expect((await found('admin', 'binh phuong')).areas).toEqual(['90101']);
    expect((await found('admin', 'binh xa')).areas).toEqual([]);
  });

  test('a unit by code or name, with its district and commune; an officer by name', async () => {
    const result = await run('admin', { text: 'don vi ua' });
    expect(result.data?.search.units).toEqual([
      { code: 'UA', name: 'Đơn vị UA', district: { id: '901' }, commune: { id: '90101' } },
    ]);
    expect((await found('admin', 'ua')).units).toEqual(['UA']);
    expect(result.data?.search.officers).toEqual([]);
    expect((await found('admin', 'can bo s2')).officers).toEqual(['S2']);
    expect((await found('admin', 'Cán bộ')).officers).toEqual(['S1', 'S2', 'S3']);
  });

  test('the code typed exactly comes first: "90" is the province', async () => {
    expect((await found('admin', '90', 20)).areas[0]).toBe('90');
    // Then codes that start with it, larger areas first, then by name: Xã Không Người before Xã Sơn Thủy.
    expect((await found('admin', '902', 20)).areas).toEqual(['902', '90299', '90201']);
  });

  test('LIKE’s own signs are letters like any other', async () => {
    expect(await found('admin', '%%')).toEqual({ units: [], officers: [], areas: [] });
    expect(await found('admin', '__')).toEqual({ units: [], officers: [], areas: [] });
  });

  test('`first` caps each kind', async () => {
    const capped = await found('admin', 'don vi', 2);
    expect(capped.units).toHaveLength(2);
    expect((await found('admin', 'don vi')).units).toEqual(['UA', 'UB', 'UC']);
  });
});

describe('only what the account may reach', () => {
  test('the whole province for ADMIN, PROVINCE and ANALYST', async () => {
    for (const who of ['admin', 'province', 'analyst'] as const) {
      expect((await found(who, 'don vi')).units).toEqual(['UA', 'UB', 'UC']);
      expect((await found(who, 'son thuy')).areas).toEqual(['90201']);
    }
  });

  test('a district head finds their district’s units and areas, and the officers of offices in or above it', async () => {
    expect(await found('d901', 'don vi')).toMatchObject({ units: ['UA', 'UB'] });
    expect((await found('d901', 'phuong')).areas).toEqual(['90101', '90102']);
    expect((await found('d901', 'son thuy')).areas).toEqual([]);
    expect((await found('d901', 'thu nghiem')).areas).toEqual([]);
    // S3 works for district 902's office; S1 and S2 for the province's, which serves every district.
    expect((await found('d901', 'can bo')).officers).toEqual(['S1', 'S2']);
    expect(await found('d902', 'don vi')).toMatchObject({ units: ['UC'] });
    expect((await found('d902', 'can bo')).officers).toEqual(['S1', 'S2', 'S3']);
    expect((await found('d902', 'hoa binh')).areas).toEqual([]);
  });

  test('an office’s account finds its units, its officers, and the areas all of whose units it manages', async () => {
    // BHXH-902 manages UC alone, in Xã Sơn Thủy of district 902; the province holds others' units too.
    expect(await found('office902', 'don vi')).toMatchObject({ units: ['UC'] });
    expect((await found('office902', 'can bo')).officers).toEqual(['S3']);
    expect((await found('office902', '90', 20)).areas).toEqual(['902', '90201']);
  });

  test('an officer finds the units in their charge today and themselves, and no area', async () => {
    expect(await found('s2', 'don vi')).toEqual({ units: ['UA'], officers: [], areas: [] });
    expect(await found('s2', 'can bo')).toEqual({ units: [], officers: ['S2'], areas: [] });
    expect(await found('s2', 'hoa binh')).toEqual({ units: [], officers: [], areas: [] });
    // UA went to S2 on 1/6/2021: S1 no longer reaches it.
    expect(await found('s1', 'don vi')).toEqual({ units: [], officers: [], areas: [] });
  });
});

describe('arguments are checked', () => {
  test.each([['a'], ['  a  '], ['x'.repeat(101)]])(
    'text %j is refused, naming it, with its reason',
    async (text) => {
      const result = await run('admin', { text });
      expectBadUserInput(result, 'text');
      expect(result.errors?.[0]?.extensions?.reason).toMatchObject({
        code: 'SEARCH_TEXT_LENGTH',
        args: { min: 2, max: 100 },
      });
    },
  );

  test.each([0, 21, -1])('first: %d is refused, naming it', async (first) => {
    const result = await run('admin', { text: 'don vi', first });
    expectBadUserInput(result, 'first');
    expect(result.errors?.[0]?.extensions?.reason).toMatchObject({ code: 'FIRST_OUT_OF_RANGE' });
  });

  test('an unknown geography is NOT_FOUND, naming it', async () => {
    const result = await run('admin', { text: 'don vi', geography: 'KH-1999' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'geography' });
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { addHandMadeAccounts } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * Persons' data on the hand-made data set: who may read it, masked in lists and whole when opened,
 * and the access log that every read writes.
 */

type Who = 'admin' | 'province' | 'analyst' | 'd901' | 'd902' | 's2' | 's1';

let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];
const viewers = {} as Record<Who, Viewer>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  await database.db.execute(sql`update persons set id_number = '012345678901', phone = '0905123456',
    birth_date = '1990-04-15', gender = 'F' where social_insurance_code = '9000000001'`);
  Object.assign(
    viewers,
    await addHandMadeAccounts(database.db, ['admin', 'province', 'analyst', 'd901', 'd902', 's2', 's1']),
  );
  for (const row of await database.db.execute<{ id: number; code: string }>(
    sql`select id, social_insurance_code as code from persons`,
  ))
    ids[row.code] = String(row.id);
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

function run(
  who: Who,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<AnyData>> {
  return execute(apollo, database, query, variables, new Date('2021-12-31T05:00:00Z'), viewers[who]);
}

async function logOf(username: string) {
  return database.db.execute<{ person_ids: number[]; operation: string; field: string }>(sql`
    select l.person_ids, l.operation, l.field from access_log l join users u on u.id = l.user_id
    where u.username = ${username} order by l.id`);
}

const LIST = `query ($filter: PersonFilter) {
  unit(id: "UA") {
    persons(asOf: "2021-05-31", filter: $filter) {
      totalCount
      edges { node { fullName socialInsuranceCode idNumber phone birthDate step blocker { reason since } } }
    }
  }
}`;

describe('a unit’s employees', () => {
  test('are listed by name with codes masked, with their step and stuck reason on the day', async () => {
    const result = await run('d901', LIST);
    expect(result.errors).toBeUndefined();
    expect(result.data?.unit.persons).toEqual({
      totalCount: 4,
      edges: [
        {
          node: {
            fullName: 'Người 9000000001',
            socialInsuranceCode: '******0001',
            idNumber: '*********901',
            phone: '*******456',
            birthDate: null,
            step: 'ACTIVATED',
            blocker: null,
          },
        },
        {
          node: {
            fullName: 'Người 9000000002',
            socialInsuranceCode: '******0002',
            idNumber: null,
            phone: null,
            birthDate: null,
            step: 'APPROVED',
            blocker: { reason: 'WRONG_PHONE', since: '2021-05-25' },
          },
        },
        // p3 was DECLINED from 1/5 but activated on 15/5: no longer stuck
        {
          node: {
            fullName: 'Người 9000000003',
            socialInsuranceCode: '******0003',
            idNumber: null,
            phone: null,
            birthDate: null,
            step: 'ACTIVATED',
            blocker: null,
          },
        },
        // p4's NO_SMARTPHONE was recorded on 1/6, after the day asked
        {
          node: {
            fullName: 'Người 9000000004',
            socialInsuranceCode: '******0004',
            idNumber: null,
            phone: null,
            birthDate: null,
            step: null,
            blocker: null,
          },
        },
      ],
    });
  });

  test('can be narrowed to those not activated, with no step, on a step or stuck for a reason', async () => {
    const names = async (filter: Record<string, unknown>) => {
      const result = await run('d901', LIST, { filter });
      expect(result.errors, JSON.stringify(filter)).toBeUndefined();
      return result.data?.unit.persons.edges.map((e: AnyData) => e.node.fullName.slice(-1));
    };
    expect(await names({ notActivated: true })).toEqual(['2', '4']);
    expect(await names({ noStep: true })).toEqual(['4']);
    expect(await names({ step: 'ACTIVATED' })).toEqual(['1', '3']);
    expect(await names({ blocker: 'WRONG_PHONE' })).toEqual(['2']);
    expect(await names({ blocker: 'UNKNOWN' })).toEqual(['4']);
    const both = await run('d901', LIST, { filter: { noStep: true, step: 'APPROVED' } });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.noStep' });
  });

  test('one person opened is whole, with every step and its date', async () => {
    const result = await run(
      'd901',
      `{ person(id: "${ids['9000000001']}") {
      socialInsuranceCode idNumber phone birthDate gender steps { step date } unit { id }
    } }`,
    );
    expect(result.data?.person).toEqual({
      socialInsuranceCode: '9000000001',
      idNumber: '012345678901',
      phone: '0905123456',
      birthDate: '1990-04-15',
      gender: 'F',
      steps: [
        { step: 'REGISTERED', date: '2021-05-03' },
        { step: 'APPROVED', date: '2021-05-05' },
        { step: 'ACTIVATED', date: '2021-05-10' },
        { step: 'FORM_SIGNED', date: '2021-06-01' },
        { step: 'VERIFIED', date: '2021-06-10' },
      ],
      unit: { id: 'UA' },
    });
    expect((await run('d901', '{ person(id: "999999") { id } }')).data).toEqual({ person: null });
  });
});

describe('who may read persons', () => {
  const PATHS = [
    `{ person(id: "ID") { fullName } }`,
    '{ unit(id: "UA") { persons { edges { node { fullName } } } } }',
    '{ units { edges { node { persons { edges { node { fullName } } } } } } }',
    '{ area(id: "901") { units { edges { node { persons { totalCount } } } } } }',
    '{ staff(id: "S2") { units { edges { node { persons { edges { node { socialInsuranceCode } } } } } } } }',
    '{ a: unit(id: "UB") { persons { edges { node { phone } } } } b: unit(id: "UC") { persons { totalCount } } }',
  ];

  test.each(['province', 'analyst'] as Who[])(
    '%s reaches no person by any path, and nothing is logged',
    async (who) => {
      for (const path of PATHS) {
        const result = await run(who, path.replace('ID', ids['9000000001'] as string));
        expect(
          result.errors?.map((e) => e.extensions?.code),
          path,
        ).toContain('FORBIDDEN');
        expect(JSON.stringify(result.data ?? null), path).not.toMatch(/Người|9000000|totalCount":[1-9]/);
      }
      expect(await logOf(viewers[who].username)).toEqual([]);
    },
  );

  test('a district head or officer gets no person whose unit is out of reach, as if the id named nobody', async () => {
    const p1 = ids['9000000001'] as string;
    const p7 = ids['9000000007'] as string;
    const outcome = async (who: Who, id: string) => {
      const result = await run(who, `{ person(id: "${id}") { fullName } }`);
      return result.errors?.[0]?.extensions?.code ?? (result.data?.person ? 'OK' : 'NULL');
    };
    expect(await outcome('d901', p1)).toBe('OK');
    expect(await outcome('d901', p7)).toBe('NULL');
    expect(await outcome('d902', p1)).toBe('NULL');
    expect(await outcome('d902', p7)).toBe('OK');
    expect(await outcome('s2', p1)).toBe('OK');
    // S1 had UA until 1/6/2021: reassigned away, the unit's persons are no longer theirs
    expect(await outcome('s1', p1)).toBe('NULL');
    expect(await outcome('admin', p7)).toBe('OK');
  });
});

describe('the access log', () => {
  test('has a row for every read: who, which persons, the operation and the field', async () => {
    const before = (await logOf('canbo2')).length;
    const query = '{ unit(id: "UA") { persons(first: 2) { edges { node { id } } } } }';
    const result = await run('s2', query);
    const listed = result.data?.unit.persons.edges.map((e: AnyData) => Number(e.node.id));
    await run('s2', `{ person(id: "${ids['9000000004']}") { fullName } }`);
    const rows = (await logOf('canbo2')).slice(before);
    expect(rows).toEqual([
      { person_ids: listed, operation: query, field: 'Unit.persons' },
      {
        person_ids: [Number(ids['9000000004'])],
        operation: expect.stringContaining('person(id:'),
        field: 'Query.person',
      },
    ]);
  });

  test('a list of many units logs every unit’s persons, in one statement', async () => {
    const before = (await logOf('admin')).length;
    const result = await run('admin', '{ units { edges { node { persons { edges { node { id } } } } } } }');
    expect(result.errors).toBeUndefined();
    const rows = (await logOf('admin')).slice(before);
    expect(rows.map((r) => r.person_ids.length).sort()).toEqual([1, 2, 4]);
  });

  test('only ADMIN reviews it, newest first, by account or by person', async () => {
    const REVIEW = `query ($username: String, $personId: ID) {
      accessLog(username: $username, personId: $personId, first: 5) { totalCount entries { at username role personIds field } }
    }`;
    const byOfficer = await run('admin', REVIEW, { username: 'canbo2' });
    expect(byOfficer.data?.accessLog.entries[0]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      username: 'canbo2',
      role: 'OFFICER',
      personIds: [ids['9000000004']],
      field: 'Query.person',
    });
    const byPerson = await run('admin', REVIEW, { personId: ids['9000000007'] });
    expect(byPerson.data?.accessLog.entries.map((e: AnyData) => e.username)).toEqual(
      expect.arrayContaining(['huyen902', 'admin']),
    );
    for (const who of ['province', 'analyst', 'd901', 's2'] as Who[]) {
      expect((await run(who, REVIEW)).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });
});

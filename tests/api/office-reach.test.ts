import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bindingOf } from '../../api/src/auth/accounts.ts';
import { reachOf, type Viewer } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { describeViewer } from '../../api/src/db/queries/accounts.ts';
import { addGeography } from '../../api/src/geographies/add.ts';
import { computeReportFigures } from '../../api/src/reports/figures.ts';
import { reportNarrative } from '../../api/src/reports/narrative.ts';
import { resolveReportRequest } from '../../api/src/reports/request.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { type Fixture, loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute, expectBadUserInput, type GraphQLResult } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';
import { csv, importFile, problemLines } from '../helpers/imports.ts';

/*
 * Accounts bound to an office (a BHXH cơ sở) rather than an area, on the hand-made data with UB
 * handed to the office of 902: BHXH-90 manages UA (commune 90101, 4 persons); BHXH-902 manages UB
 * (90102, 2 persons) and UC (90201, 1 person). District 901 is thus shared by both offices: neither
 * may read its figures whole, but each reads its own units in it.
 */

const FIXTURE: Fixture = {
  ...HAND_MADE,
  units: HAND_MADE.units.map((u) => (u.code === 'UB' ? { ...u, officeCode: 'BHXH-902' } : u)),
};

type Who = 'admin' | 'o90' | 'o902' | 'd901';
const viewers = {} as Record<Who, Viewer>;
let database: Database;
let apollo: Awaited<ReturnType<typeof createApp>>['apollo'];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, FIXTURE);
  viewers.admin = (await addAccount(database.db, { username: 'admin', role: 'ADMIN' })).viewer;
  viewers.o90 = (
    await addAccount(database.db, { username: 'coso90', role: 'DISTRICT', office: 'BHXH-90' })
  ).viewer;
  viewers.o902 = (
    await addAccount(database.db, { username: 'coso902', role: 'DISTRICT', office: 'BHXH-902' })
  ).viewer;
  viewers.d901 = (
    await addAccount(database.db, { username: 'huyen901', role: 'DISTRICT', area: '901' })
  ).viewer;
  ({ apollo } = await createApp(database, { serveWeb: false }));
});
afterAll(() => database?.close());

function run(who: Who, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<AnyData>> {
  return execute(apollo, database, query, variables, new Date('2021-12-31T05:00:00Z'), viewers[who]);
}

const codes = (result: GraphQLResult<unknown>) => result.errors?.map((e) => e.extensions?.code) ?? [];

describe('an office’s account reads the units its office manages', () => {
  test('coverage without a scope is the office’s units, wherever they lie', async () => {
    const of = async (who: Who) => (await run(who, '{ coverage { units target activated } }')).data?.coverage;
    expect(await of('o90')).toEqual({ units: 1, target: 4, activated: 2 });
    expect(await of('o902')).toEqual({ units: 2, target: 3, activated: 2 });
    // The district head of 901 reads both offices' units there.
    expect(await of('d901')).toEqual({ units: 2, target: 6, activated: 4 });
  });

  test('a breakdown’s rows are the office’s units in each area, and add up to its coverage', async () => {
    const rows = async (by: string) =>
      (await run('o902', `{ breakdown(by: ${by}) { key coverage { units target } } }`)).data?.breakdown;
    expect(await rows('DISTRICT')).toEqual([
      { key: '901', coverage: { units: 1, target: 2 } },
      { key: '902', coverage: { units: 1, target: 1 } },
    ]);
    expect(await rows('COMMUNE')).toEqual([
      { key: '90102', coverage: { units: 1, target: 2 } },
      { key: '90201', coverage: { units: 1, target: 1 } },
    ]);
    expect(await rows('OFFICE')).toEqual([{ key: 'BHXH-902', coverage: { units: 2, target: 3 } }]);
  });

  test('an area is read whole only when the office manages every unit in it', async () => {
    const coverage = (area: string) => run('o902', `{ coverage(scope: { areaId: "${area}" }) { units } }`);
    expect((await coverage('902')).data).toEqual({ coverage: { units: 1 } });
    expect((await coverage('90102')).data).toEqual({ coverage: { units: 1 } });
    // 901 holds BHXH-90's UA too, and the province both: their figures are not the office's to read.
    for (const shared of ['901', '90']) {
      const refused = await coverage(shared);
      expect(codes(refused), shared).toEqual(['FORBIDDEN']);
      expect(refused.data).toBeNull();
    }
    // An area with no unit at all is nobody's.
    expect(codes(await coverage('90299'))).toEqual(['FORBIDDEN']);
    const nested = await run('o902', '{ area(id: "901") { name coverage { units } } }');
    expect(codes(nested)).toEqual(['FORBIDDEN']);
  });

  test('the areas it sees are those of its units and the path above them', async () => {
    const listed = await run('o90', '{ areas(level: PROVINCE) { id children { id children { id } } } }');
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.areas).toEqual([
      { id: '90', children: [{ id: '901', children: [{ id: '90101' }] }] },
    ]);
  });

  test('units, offices and officers: its own, the others FORBIDDEN', async () => {
    const units = await run('o902', '{ units { edges { node { id } } } }');
    expect(units.data?.units.edges.map((e: AnyData) => e.node.id)).toEqual(['UB', 'UC']);
    expect(codes(await run('o902', '{ unit(id: "UA") { name } }'))).toEqual(['FORBIDDEN']);
    expect((await run('o90', '{ coverage(scope: { officeId: "BHXH-90" }) { units } }')).data).toEqual({
      coverage: { units: 1 },
    });
    expect(codes(await run('o90', '{ coverage(scope: { officeId: "BHXH-902" }) { units } }'))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await run('o90', '{ office(id: "BHXH-902") { coverage { units } } }'))).toEqual([
      'FORBIDDEN',
    ]);
    // S1 and S2 work for BHXH-90.
    expect((await run('o90', '{ staff(id: "S2") { coverage { units } } }')).data).toEqual({
      staff: { coverage: { units: 1 } },
    });
    expect(codes(await run('o902', '{ coverage(scope: { staffId: "S2" }) { units } }'))).toEqual([
      'FORBIDDEN',
    ]);
  });

  test('a person of another office’s unit is answered as one that does not exist', async () => {
    const outside = await run(
      'o902',
      'mutation { recordSteps(step: REGISTERED, date: "2021-12-01", socialInsuranceCodes: ["9000000004"]) { written } }',
    );
    expect(codes(outside)).toEqual(['NOT_FOUND']);
    const own = await run(
      'o902',
      'mutation { recordSteps(step: REGISTERED, date: "2021-12-01", socialInsuranceCodes: ["9000000006"]) { written unchanged } }',
    );
    expect(own.errors).toBeUndefined();
  });

  test('its report counts its office’s units, by commune, and only it and the province read it once published', async () => {
    const reach = reachOf(viewers.o902, '2021-12-31');
    const request = await resolveReportRequest(database.db, { asOf: '2021-07-31' }, reach, '2021-12-31');
    expect(request.office?.code).toBe('BHXH-902');
    const figures = await computeReportFigures(database.db, request);
    expect(figures.office).toEqual({ code: 'BHXH-902', name: 'BHXH BHXH-902' });
    expect(figures.total.now).toMatchObject({ units: 2, target: 3, activated: 2 });
    expect(figures.partsLevel).toBe('COMMUNE');
    // Issued by the office itself, in its own number series, to the provincial office.
    expect(figures.issuer).toMatchObject({
      name: 'BẢO HIỂM XÃ HỘI BHXH-902',
      place: 'Núi Cao',
      recipients: ['BHXH tỉnh Khánh Hòa (để báo cáo);', 'Lưu: VT.'],
      series: 'office:BHXH-902',
    });
    expect(figures.parts.map((p) => [p.key, p.now.target])).toEqual([
      ['90102', 2],
      ['90201', 1],
    ]);
    expect(reportNarrative(figures)[0]).toMatch(
      /^Tính đến ngày 31\/07\/2021, tại các đơn vị do BHXH BHXH-902 quản lý có 3 người/,
    );
    // An area it manages whole is still its to report on; a shared one is not.
    const area = await resolveReportRequest(
      database.db,
      { asOf: '2021-07-31', areaCode: '902' },
      reach,
      '2021-12-31',
    );
    expect([area.area.code, area.office]).toEqual(['902', null]);
    await expect(
      resolveReportRequest(database.db, { asOf: '2021-07-31', areaCode: '901' }, reach, '2021-12-31'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', argument: 'areaId' });
    await expect(
      resolveReportRequest(database.db, { asOf: '2021-07-31', officeCode: 'BHXH-90' }, reach, '2021-12-31'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', argument: 'officeId' });

    const published = await run('o902', 'mutation { publishReport(asOf: "2021-07-31") { id title } }');
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishReport.title).toMatch(/– BHXH BHXH-902$/);
    const id = published.data?.publishReport.id;
    const listed = async (who: Who) =>
      (await run(who, '{ publishedReports { id } }')).data?.publishedReports.map((r: AnyData) => r.id);
    expect(await listed('o902')).toContain(id);
    expect(await listed('admin')).toContain(id);
    expect(await listed('o90')).not.toContain(id);
    expect(await listed('d901')).not.toContain(id);
    // Made again from today's data for the same office and days: nothing changed.
    const changes = await run('o902', `{ reportChanges(id: "${id}") { text } }`);
    expect(changes.errors).toBeUndefined();
    expect(changes.data?.reportChanges).toEqual([]);
    expect(codes(await run('o90', `{ reportChanges(id: "${id}") { text } }`))).toEqual(['FORBIDDEN']);
  });
});

describe('imports by an office’s account', () => {
  test('units of another office are refused, on the column that says so; its own are written', async () => {
    const reach = reachOf(viewers.o90, '2021-12-31');
    const header = 'unit_code,name,district_code,commune_code,office_code,sector';
    const refused = await importFile(
      database,
      'units',
      csv(header, 'UN,Công ty Mới,901,90101,BHXH-902,NQD', 'UB,Trường Tân Lập,901,90102,BHXH-90,HCSN'),
      { reach },
    );
    expect(refused.outcome).toBe('REJECTED');
    expect(problemLines(refused)).toEqual([
      "row 2, column office_code: is outside the units your account's office manages",
      "row 3, column unit_code: is outside the units your account's office manages",
    ]);
    const written = await importFile(database, 'units', csv(header, 'UN,Công ty Mới,902,90201,BHXH-90,NQD'), {
      reach,
      dryRun: true,
    });
    // A unit of its own office may lie anywhere, even in another district.
    expect(problemLines(written)).toEqual([]);
    expect(written.accepted).toBe(true);
  });

  test('steps for a person of another office are refused as if nobody had the code', async () => {
    const steps = await importFile(
      database,
      'steps',
      csv(
        'social_insurance_code,step,date',
        '9000000005,APPROVED,2021-07-02',
        '9000000001,VERIFIED,2021-06-10',
      ),
      { reach: reachOf(viewers.o90, '2021-12-31'), dryRun: true },
    );
    expect(problemLines(steps)).toEqual([
      "row 2, column social_insurance_code: no person with this social-insurance code in the units your account's office manages; import it with the persons first",
    ]);
  });
});

describe('binding an account to an office', () => {
  test('an office by code, not with an area, and only for DISTRICT', async () => {
    const office = await bindingOf(database.db, 'DISTRICT', { office: 'BHXH-902' });
    expect(office).toEqual({ officeId: expect.any(Number) });
    expect(await bindingOf(database.db, 'DISTRICT', { office: 'BHXH-999' })).toEqual({
      field: 'office',
      message: 'There is no office with code "BHXH-999"',
      reason: { code: 'NOT_FOUND', args: { what: 'office', id: 'BHXH-999' } },
    });
    expect(await bindingOf(database.db, 'DISTRICT', { office: 'BHXH-902', area: '902' })).toMatchObject({
      field: 'office',
      message: 'A DISTRICT account is bound to an area or to an office, not both',
    });
    expect(await bindingOf(database.db, 'PROVINCE', { office: 'BHXH-902' })).toMatchObject({
      field: 'office',
    });
    expect(await bindingOf(database.db, 'OFFICER', { staff: 'S1', office: 'BHXH-90' })).toMatchObject({
      field: 'office',
    });
  });

  test('the database refuses an account bound to both an area and an office', async () => {
    const attempt = database.db.execute(sql`
      insert into users (username, display_name, role, area_id, office_id, password_hash)
      select 'both', 'both', 'DISTRICT', a.id, o.id, 'x' from areas a, offices o where a.code = '902' and o.code = 'BHXH-902'`);
    await expect(attempt).rejects.toThrow();
  });

  test('createAccount takes officeId, the session names the office, and the account lists it', async () => {
    const created = await run(
      'admin',
      `mutation { createAccount(input: { username: "coso.moi", role: DISTRICT, officeId: "BHXH-902", password: "một mật khẩu dài" }) {
        username area { id } office { id name } } }`,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    expect(created.data?.createAccount).toEqual({
      username: 'coso.moi',
      area: null,
      office: { id: 'BHXH-902', name: 'BHXH BHXH-902' },
    });
    const unknown = await run(
      'admin',
      `mutation { createAccount(input: { username: "coso.sai", role: DISTRICT, officeId: "X", password: "một mật khẩu dài" }) { username } }`,
    );
    expectBadUserInput(unknown, 'input.officeId');
    expect(await describeViewer(database.db, viewers.o902)).toMatchObject({
      role: 'DISTRICT',
      area: null,
      office: { code: 'BHXH-902', name: 'BHXH BHXH-902' },
    });
  });
});

describe('a new map never widens an office’s reach', () => {
  test('the same units before and after, and in the new map only the areas it manages whole', async () => {
    const before = await run('o902', '{ coverage { units target activated } }');
    await addGeography(database.db, {
      code: 'T-2',
      name: 'Từ 01/01/2022',
      validFrom: '2022-01-01',
      areas: {
        fileName: 'areas.csv',
        bytes: Buffer.from(
          'area_code,name,level,parent_code\n90,Tỉnh Thử Nghiệm,PROVINCE,\n90900,Phường Hợp Nhất,COMMUNE,90\n90950,Xã Sơn Thủy,COMMUNE,90\n',
        ),
      },
      mapping: {
        fileName: 'mapping.csv',
        bytes: Buffer.from(
          'old_area_code,new_area_code\n90,90\n901,90900\n902,90950\n90101,90900\n90102,90900\n90201,90950\n90299,90950\n',
        ),
      },
    });
    expect((await run('o902', '{ coverage { units target activated } }')).data).toEqual(before.data);
    const inNewMap = (area: string) =>
      run('o902', `{ coverage(scope: { areaId: "${area}", geography: "T-2" }) { units } }`);
    // 90900 merges UA (BHXH-90) and UB (BHXH-902): neither office reads it whole.
    expect(codes(await inNewMap('90900'))).toEqual(['FORBIDDEN']);
    expect((await inNewMap('90950')).data).toEqual({ coverage: { units: 1 } });
    const rows = await run(
      'o902',
      '{ breakdown(by: COMMUNE, scope: { geography: "T-2" }) { key coverage { units } } }',
    );
    expect(rows.data?.breakdown).toEqual([
      { key: '90900', coverage: { units: 1 } },
      { key: '90950', coverage: { units: 1 } },
    ]);
  });
});

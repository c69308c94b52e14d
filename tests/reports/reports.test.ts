import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { getAreaByCode } from '../../api/src/db/queries/areas.ts';
import { setGoal } from '../../api/src/db/queries/goals.ts';
import { withUnitRollups } from '../../api/src/db/rollups.ts';
import { loadReferenceIfEmpty } from '../../api/src/reference/load.ts';
import { seedDatabase } from '../../api/src/seed/load.ts';
import { createApp } from '../../api/src/server.ts';
import { addAccount } from '../helpers/accounts.ts';
import { createTestDatabase, firstGeographyId } from '../helpers/database.ts';
import type { AnyData, GraphQLResult } from '../helpers/graphql.ts';
import { docxBody, pdfPages, pdfText, readWorkbook, sheetTable } from '../helpers/report-files.ts';

/*
 * The progress report on the tiny demo data set of Khánh Hòa, through HTTP as users reach it: the
 * preview and every file give the figures of `coverage` and `breakdown`, refusals carry their codes,
 * and a published report keeps its bytes while the data moves on, its changes listed beside it.
 */

const AS_OF = '2021-09-30';
const COMPARE = '2021-08-31';
const vn = new Intl.NumberFormat('vi-VN');

let database: Database;
let url: string;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReferenceIfEmpty(database.db);
  await seedDatabase(database.db, { scale: 'tiny', seed: 3 });
  const province = await getAreaByCode(database.db, '56', EVERYTHING, await firstGeographyId(database.db));
  await setGoal(database.db, {
    areaId: province?.area.id as number,
    rate: 0.8,
    deadline: '2021-12-31',
    reach: EVERYTHING,
  });
  for (const [username, role, area] of [
    ['lanhdao', 'PROVINCE', undefined],
    ['phantich', 'ANALYST', undefined],
    ['nhatrang', 'DISTRICT', '568'],
    ['camranh', 'DISTRICT', '569'],
  ] as const) {
    tokens[username] = (await addAccount(database.db, { username, role, area })).token;
  }
  const { app, stop } = await createApp(database, {
    serveWeb: false,
    now: () => new Date('2021-10-05T03:00:00Z'),
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await stop();
  };
});
afterAll(async () => {
  await close?.();
  await database?.close();
});

async function ask(username: string, query: string, variables?: AnyData): Promise<GraphQLResult<AnyData>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[username]}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<AnyData>;
}

async function download(username: string, path: string) {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${tokens[username]}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const COVERAGE_FIELDS =
  'target registered approved activated formSigned verified activationRate units unitsContacted';

/** What the API says of the province on both days, by district and by office. */
async function apiFigures(area = '56') {
  const result = await ask(
    'lanhdao',
    `query ($area: ID!) {
      now: coverage(scope: { areaId: $area }, asOf: "${AS_OF}") { ${COVERAGE_FIELDS} }
      before: coverage(scope: { areaId: $area }, asOf: "${COMPARE}") { ${COVERAGE_FIELDS} }
      parts: breakdown(by: ${area === '56' ? 'DISTRICT' : 'COMMUNE'}, scope: { areaId: $area }, asOf: "${AS_OF}") { key label coverage { ${COVERAGE_FIELDS} } }
      partsBefore: breakdown(by: ${area === '56' ? 'DISTRICT' : 'COMMUNE'}, scope: { areaId: $area }, asOf: "${COMPARE}") { key coverage { activated } }
      offices: breakdown(by: OFFICE, scope: { areaId: $area }, asOf: "${AS_OF}") { key label coverage { ${COVERAGE_FIELDS} } }
    }`,
    { area },
  );
  expect(result.errors).toBeUndefined();
  return result.data as AnyData;
}

const REPORT = `query ($area: ID, $asOf: Date!, $compare: Date) {
  report(areaId: $area, asOf: $asOf, compare: $compare) {
    title areaName asOf compare narrative
    summary { key rows { key cells { text value } } }
    tables { key title columns { key header kind } rows { key total cells { text value } } }
  }
}`;

describe('the preview', () => {
  test('every figure of the district table is the breakdown’s, and the totals are the coverage’s', async () => {
    const api = await apiFigures();
    const result = await ask('lanhdao', REPORT, { area: '56', asOf: AS_OF, compare: COMPARE });
    expect(result.errors).toBeUndefined();
    const report = result.data?.report;
    expect(report.title).toBe('Báo cáo tiến độ triển khai ứng dụng VssID – Bảo hiểm xã hội số');
    const parts = report.tables.find((t: AnyData) => t.key === 'parts');
    const column = (key: string) => parts.columns.findIndex((c: AnyData) => c.key === key);
    const before = new Map(api.partsBefore.map((r: AnyData) => [r.key, r.coverage.activated]));
    for (const row of api.parts) {
      const cells = parts.rows.find((r: AnyData) => r.key === row.key).cells;
      expect(cells[0].text).toBe(row.label);
      for (const key of [
        'target',
        'registered',
        'approved',
        'activated',
        'formSigned',
        'verified',
        'unitsContacted',
        'units',
      ])
        expect(cells[column(key)].value).toBe(row.coverage[key]);
      expect(cells[column('activatedRate')].value).toBeCloseTo(row.coverage.activationRate, 12);
      expect(cells[column('activatedChange')].value).toBe(
        row.coverage.activated - (before.get(row.key) as number),
      );
    }
    const total = parts.rows.find((r: AnyData) => r.total).cells;
    expect(total[column('activated')].value).toBe(api.now.activated);
    expect(total[column('target')].value).toBe(api.now.target);
    const activated = report.summary.rows.find((r: AnyData) => r.key === 'activated').cells;
    expect(activated[1].value).toBe(api.before.activated);
    expect(activated[2].value).toBe(api.now.activated);
    expect(activated[2].text).toBe(vn.format(api.now.activated));
    expect(report.narrative[0]).toContain(
      `Tính đến ngày 30/09/2021, trên địa bàn tỉnh Khánh Hòa có ${vn.format(api.now.target)} người`,
    );
    expect(report.narrative.join(' ')).toContain(
      'Chỉ tiêu: 80,0\u00a0% người tham gia kích hoạt VssID trước ngày 31/12/2021',
    );
    const offices = report.tables.find((t: AnyData) => t.key === 'offices');
    expect(offices.rows.filter((r: AnyData) => !r.total).map((r: AnyData) => r.key)).toEqual(
      api.offices.map((r: AnyData) => r.key),
    );
    expect(report.tables.map((t: AnyData) => t.key)).toEqual([
      'parts',
      'offices',
      'sectors',
      'officers',
      'lagging',
      'notContacted',
      'blockers',
    ]);
    // Numbered in order, one number each.
    expect(report.tables.map((t: AnyData) => t.title.split('.')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  test('without a comparison day it compares with the end of the month before', async () => {
    const result = await ask('phantich', REPORT, { asOf: '2021-10-04' });
    expect(result.data?.report).toMatchObject({
      asOf: '2021-10-04',
      compare: '2021-09-30',
      areaName: 'Tỉnh Khánh Hòa',
    });
  });

  test('a district’s report splits it by commune, for its district head too', async () => {
    const api = await apiFigures('568');
    const result = await ask('nhatrang', REPORT, { asOf: AS_OF, compare: COMPARE });
    expect(result.errors).toBeUndefined();
    const parts = result.data?.report.tables.find((t: AnyData) => t.key === 'parts');
    expect(parts.title).toBe('1. Kết quả theo xã, phường, thị trấn');
    expect(parts.rows.filter((r: AnyData) => !r.total).map((r: AnyData) => r.key)).toEqual(
      api.parts.map((r: AnyData) => r.key),
    );
    expect(result.data?.report.areaName).toBe('Thành phố Nha Trang');
  });
});

describe('refusals', () => {
  test('an impossible day, a future one, one before any activity, a comparison day after the report’s, an unknown area, another district', async () => {
    const impossible = await ask('lanhdao', REPORT, { asOf: '2021-02-30' });
    expect(impossible.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const late = await ask('lanhdao', REPORT, { asOf: AS_OF, compare: '2021-10-01' });
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'compare',
      reason: { code: 'COMPARE_NOT_BEFORE', args: { compare: '2021-10-01', day: AS_OF } },
    });
    // Each refusal carries its reason, for the dashboard to word in its own language.
    const future = await ask('lanhdao', REPORT, { asOf: '2021-10-06' });
    expect(future.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'asOf',
      reason: { code: 'FUTURE_DAY', args: { day: '2021-10-06', today: '2021-10-05' } },
    });
    const early = await ask('lanhdao', REPORT, { asOf: '2020-01-31' });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      argument: 'asOf',
      reason: {
        code: 'BEFORE_FIRST_ACTIVITY',
        args: { day: '2020-01-31', first: expect.stringMatching(/^2021-/) },
      },
    });
    expect(early.data).toBeNull();
    const unknown = await ask('lanhdao', REPORT, { area: '999', asOf: AS_OF });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreign = await ask('camranh', REPORT, { area: '568', asOf: AS_OF });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const province = await ask('camranh', REPORT, { area: '56', asOf: AS_OF });
    expect(province.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('downloads refuse the same way, with the message, and nobody without a sign-in', async () => {
    const bad = await download('lanhdao', `/reports/download?asOf=2021-02-30&format=pdf`);
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(bad.bytes)).error).toContain('2021-02-30');
    const foreign = await download('camranh', `/reports/download?area=568&asOf=${AS_OF}&format=pdf`);
    expect(foreign.response.status).toBe(403);
    const format = await download('lanhdao', `/reports/download?asOf=${AS_OF}&format=odt`);
    expect(format.response.status).toBe(400);
    const anonymous = await fetch(`${url}/reports/download?asOf=${AS_OF}&format=pdf`);
    expect(anonymous.status).toBe(401);
  });

  test('an analyst reads reports but does not publish; a district head publishes only for their district', async () => {
    const analyst = await ask('phantich', 'mutation { publishReport(asOf: "2021-09-30") { number } }');
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await ask(
      'camranh',
      'mutation { publishReport(areaId: "568", asOf: "2021-09-30") { number } }',
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the files', () => {
  test('the workbook has one sheet per table, numbers as numbers with their formats, the header frozen', async () => {
    const api = await apiFigures();
    const { response, bytes } = await download(
      'lanhdao',
      `/reports/download?area=56&asOf=${AS_OF}&compare=${COMPARE}&format=xlsx`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo VssID – Tỉnh Khánh Hòa – 30-09-2021.xlsx')}`,
    );
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo huyện',
      'Theo cơ quan quản lý',
      'Theo khối',
      'Theo cán bộ',
      'Đơn vị chậm nhất',
      'Đơn vị chưa liên hệ',
      'Lý do chưa kích hoạt',
    ]);
    const districts = sheetTable(workbook, 'Theo huyện');
    expect(districts.frozenRows).toBeGreaterThan(0);
    const col = (header: string) => districts.header.indexOf(header);
    for (const row of api.parts) {
      const cells = districts.rows.get(row.label) as import('exceljs').Cell[];
      expect(cells[col('Số người tham gia')]?.value).toBe(row.coverage.target);
      expect(cells[col('Đã kích hoạt')]?.value).toBe(row.coverage.activated);
      expect(cells[col('Đã kích hoạt')]?.numFmt).toBe('#,##0');
      expect(cells[col('Đã kích hoạt') + 1]?.value).toBeCloseTo(row.coverage.activationRate, 12);
      expect(cells[col('Đã kích hoạt') + 1]?.numFmt).toBe('0.0%');
    }
    expect(districts.rows.get('Tổng cộng')?.[col('Đã kích hoạt')]?.value).toBe(api.now.activated);
    expect(districts.rows.has('Thành phố Nha Trang')).toBe(true);

    // Every sheet prints on A4 landscape, one page wide, its header row repeated on each page.
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toMatch(/^\d+:\d+$/);
    }
    // The narrative's sheet is not frozen; a units sheet freezes its code and name, not the code alone.
    expect(workbook.getWorksheet('Tổng hợp')?.views?.[0]?.state).not.toBe('frozen');
    expect(workbook.getWorksheet('Đơn vị chậm nhất')?.views[0]).toMatchObject({ state: 'frozen', xSplit: 2 });
    expect(workbook.getWorksheet('Theo huyện')?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1 });
    // Header rows tall enough for their wrapped words: "Tỷ lệ trên số người tham gia" needs lines.
    const headerRow = workbook.getWorksheet('Theo huyện')?.getRow(districts.frozenRows);
    expect(headerRow?.height).toBeGreaterThanOrEqual(2 * 16);
    expect(headerRow?.alignment?.wrapText).toBe(true);
  });

  test('the PDF embeds its font and its text holds the header, the title and the figures in Vietnamese', async () => {
    const api = await apiFigures();
    const { response, bytes } = await download(
      'lanhdao',
      `/reports/download?area=56&asOf=${AS_OF}&compare=${COMPARE}&format=pdf`,
    );
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const expected of [
      'BẢO HIỂM XÃ HỘI TỈNH KHÁNH HÒA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Khánh Hòa, ngày 05 tháng 10 năm 2021',
      'Số: …/BC-BHXH',
      'Tiến độ triển khai ứng dụng VssID – Bảo hiểm xã hội số',
      'Thành phố Nha Trang',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      `${vn.format(api.now.activated)} người đã cài đặt`,
      '3. Kết quả theo khối, loại hình đơn vị',
      '7. Lý do người tham gia chưa kích hoạt',
    ])
      expect(text).toContain(expected);
    const fonts = new TextDecoder('latin1').decode(bytes);
    expect(fonts).toMatch(/\/FontFile2/);
    expect(fonts).toMatch(/Tinos-Regular/);
  });

  test('the PDF’s annex is landscape on every page, its pages numbered at the top from the second, its tables numbered and headed on every page', async () => {
    const { bytes } = await download(
      'lanhdao',
      `/reports/download?area=56&asOf=${AS_OF}&compare=${COMPARE}&format=pdf`,
    );
    const pages = await pdfPages(bytes);
    const annex = pages.findIndex((p) => p.text.includes('PHỤ LỤC'));
    expect(annex).toBeGreaterThan(0);
    pages.forEach((page, i) => {
      const landscape = page.width > page.height;
      expect(landscape, `page ${i + 1}`).toBe(i >= annex);
      // The number is the page's first text, centred at its top; the first page has none.
      if (i > 0) expect(page.text.split(' ')[0], `page ${i + 1}`).toBe(String(i + 1));
    });
    expect(pages[0]?.text.startsWith('1 ')).toBe(false);
    const annexText = pages
      .slice(annex)
      .map((p) => p.text)
      .join(' ');
    const numbers = [...annexText.matchAll(/(?:^| )(\d)\. (?:Kết quả|Tiến độ|Các đơn vị|Lý do)/g)].map(
      (m) => m[1],
    );
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    // A page a table runs onto starts with its header row again (its cells read top first, so a
    // header of four lines may come before one of two: the words, not their order).
    for (const page of pages.slice(annex + 1)) {
      const first = page.text.split(' ').slice(1, 12).join(' ');
      expect(first, page.text.slice(0, 120)).toMatch(/(Số người|Mã đơn vị|Lý do|^\d\. )/);
    }
  });

  test('a district’s report is issued by the district’s BHXH: its name under the province’s, its place, its recipients', async () => {
    const { bytes } = await download(
      'nhatrang',
      `/reports/download?asOf=${AS_OF}&compare=${COMPARE}&format=pdf`,
    );
    const pdf = (await pdfText(bytes)).replace(/\s+/g, ' ');
    const docx = (
      await docxBody((await download('nhatrang', `/reports/download?asOf=${AS_OF}&format=docx`)).bytes)
    ).text.replace(/\s+/g, ' ');
    for (const text of [pdf, docx]) {
      for (const expected of [
        'BẢO HIỂM XÃ HỘI TỈNH KHÁNH HÒA',
        'BẢO HIỂM XÃ HỘI THÀNH PHỐ NHA TRANG',
        'Nha Trang, ngày 05 tháng 10 năm 2021',
        'Bảo hiểm xã hội thành phố Nha Trang báo cáo tiến độ triển khai như sau:',
        '- Thành ủy Nha Trang (để báo cáo);',
        '- UBND thành phố Nha Trang (để báo cáo);',
        '- BHXH tỉnh Khánh Hòa (để báo cáo);',
        'của Bảo hiểm xã hội thành phố Nha Trang',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('BẢO HIỂM XÃ HỘI VIỆT NAM');
      expect(text).not.toContain('Tỉnh ủy Khánh Hòa');
    }
    // A district, not a city: its Huyện ủy.
    // The DOCX's properties name the office that issues it, as its văn thư files it.
    const docxBytes = (await download('nhatrang', `/reports/download?asOf=${AS_OF}&format=docx`)).bytes;
    const core = await (await (await import('jszip')).default.loadAsync(docxBytes))
      .file('docProps/core.xml')
      ?.async('string');
    expect(core).toContain('<dc:creator>Bảo hiểm xã hội thành phố Nha Trang</dc:creator>');
    expect(core).toMatch(/<dc:title>BÁO CÁO[^<]*<\/dc:title>/);
    const huyen = (
      await pdfText((await download('lanhdao', `/reports/download?area=573&asOf=${AS_OF}&format=pdf`)).bytes)
    ).replace(/\s+/g, ' ');
    expect(huyen).toContain('- Huyện ủy Khánh Vĩnh (để báo cáo);');
    expect(huyen).toContain('Khánh Vĩnh, ngày 05 tháng 10 năm 2021');
  });

  test('the DOCX is a Times New Roman document with the header block, the figures and the signature', async () => {
    const api = await apiFigures();
    const { response, bytes } = await download(
      'lanhdao',
      `/reports/download?area=56&asOf=${AS_OF}&compare=${COMPARE}&format=docx`,
    );
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const { xml, text } = await docxBody(bytes);
    for (const expected of [
      'BẢO HIỂM XÃ HỘI VIỆT NAM',
      'BẢO HIỂM XÃ HỘI TỈNH KHÁNH HÒA',
      'Số: …/BC-BHXH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Khánh Hòa, ngày 05 tháng 10 năm 2021',
      'BÁO CÁO',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      'Thành phố Nha Trang',
      vn.format(api.now.activated),
    ])
      expect(text).toContain(expected);
    expect(xml).toContain('<w:i/>');
    const zip = await (await import('jszip')).default.loadAsync(bytes);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('Times New Roman');
    // Vietnamese, for Word's spelling check.
    expect(styles).toMatch(/<w:lang w:val="vi-VN"\/>/);
    // Tables numbered in order, their header rows repeated, the first row kept with the header.
    const titles = [...text.matchAll(/(\d)\. (?:Kết quả|Tiến độ|Các đơn vị|Lý do)/g)].map((m) => m[1]);
    expect(titles).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(8);
    expect(xml).toMatch(/<w:tblHeader\/>[\s\S]*?<w:keepNext\/>/);
    // Widths from the contents, fixed in twips (LibreOffice ignores percentages): in the units tables
    // the name has more room than the code, and no table is wider than its page's text.
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1] as string);
    const grid = (table: string) =>
      [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const units = tables.filter((table) => table.includes('Mã đơn vị'));
    expect(units.length).toBeGreaterThan(0);
    for (const table of units) {
      const [code, name] = grid(table) as [number, number];
      expect(name).toBeGreaterThan(2 * code);
    }
    for (const table of tables) expect(grid(table).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(14_860);
    // The rules under the agency's name and the Tiêu ngữ: a line 4 pt high, directly under the text.
    expect(
      xml.match(/<w:spacing w:after="100" w:before="0" w:line="80" w:lineRule="exact"\/>/g)?.length,
    ).toBe(3);
    // Page numbers at the top from the second page on, as Nghị định 30 places them.
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)?.async('string')),
    );
    expect(headers.some((header) => /PAGE/.test(header ?? ''))).toBe(true);
  });
});

describe('publishing', () => {
  test('a published report keeps its bytes while the data changes, and lists the change against what it said', async () => {
    const published = await ask(
      'nhatrang',
      `mutation { publishReport(asOf: "${AS_OF}", compare: "${COMPARE}") {
        id number year areaName author issuedOn files { format url sha256 bytes } } }`,
    );
    expect(published.errors).toBeUndefined();
    const report = published.data?.publishReport;
    expect(report).toMatchObject({
      number: '1/BC-BHXH',
      year: 2021,
      areaName: 'Thành phố Nha Trang',
      issuedOn: '2021-10-05',
    });
    expect(report.author).toBe('nhatrang');
    const pdf = report.files.find((f: AnyData) => f.format === 'PDF');
    const first = await download('nhatrang', pdf.url);
    expect(first.response.status).toBe(200);
    expect(createHash('sha256').update(first.bytes).digest('hex')).toBe(pdf.sha256);
    expect(first.response.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%201-BC-BHXH",
    );
    const before = (await apiFigures('568')).now.activated as number;

    // Three persons of Nha Trang who had not activated are recorded as activated on 20/9.
    await database.db.transaction(async (tx) => {
      const persons = await tx.execute<{ id: number; unit_id: number }>(sql`
        select p.id, p.unit_id from persons p join units u on u.id = p.unit_id
        join area_closure c on c.descendant_id = u.area_id join areas a on a.id = c.ancestor_id and a.code = '568'
        where not exists (select 1 from person_steps s where s.person_id = p.id and s.step >= 'ACTIVATED')
        order by p.id limit 3`);
      expect(persons).toHaveLength(3);
      await withUnitRollups(
        tx,
        persons.map((p) => p.unit_id),
        async () => {
          for (const p of persons)
            await tx.execute(
              sql`insert into person_steps (person_id, step, date) values (${p.id}, 'ACTIVATED', '2021-09-20')`,
            );
        },
      );
    });
    expect((await apiFigures('568')).now.activated).toBe(before + 3);

    const again = await download('nhatrang', pdf.url);
    expect(createHash('sha256').update(again.bytes).digest('hex')).toBe(pdf.sha256);
    for (const file of report.files) {
      const stored = await download('lanhdao', file.url);
      expect(createHash('sha256').update(stored.bytes).digest('hex')).toBe(file.sha256);
      expect(stored.bytes.length).toBe(file.bytes);
    }
    const stored = await ask(
      'lanhdao',
      `{ publishedReports { id number report { summary { rows { key cells { value } } } } } }`,
    );
    const activatedRow = stored.data?.publishedReports[0].report.summary.rows.find(
      (r: AnyData) => r.key === 'activated',
    );
    expect(activatedRow.cells[2].value).toBe(before);

    const changes = await ask(
      'nhatrang',
      `{ reportChanges(id: "${report.id}") { row measure published current text } }`,
    );
    expect(changes.errors).toBeUndefined();
    expect(changes.data?.reportChanges).toContainEqual({
      row: 'Thành phố Nha Trang',
      measure: 'đã kích hoạt',
      published: before,
      current: before + 3,
      text: `Thành phố Nha Trang – đã kích hoạt: đã báo cáo ${vn.format(before)}, hiện nay ${vn.format(before + 3)}`,
    });
    const foreign = await ask('camranh', `{ reportChanges(id: "${report.id}") { text } }`);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forbiddenFile = await download('camranh', pdf.url);
    expect(forbiddenFile.response.status).toBe(403);
  });

  test('each issuer numbers its reports in its own series within the year; the list shows number, date and author', async () => {
    // The district's BHXH published its 1/BC-BHXH above; the province's series starts at 1 too.
    const first = await ask('lanhdao', `mutation { publishReport(asOf: "${AS_OF}") { number author } }`);
    expect(first.data?.publishReport).toEqual({ number: '1/BC-BHXH', author: 'lanhdao' });
    const second = await ask('lanhdao', `mutation { publishReport(asOf: "${AS_OF}") { number author } }`);
    expect(second.data?.publishReport).toEqual({ number: '2/BC-BHXH', author: 'lanhdao' });
    const list = await ask('lanhdao', '{ publishedReports { number issuedOn author areaCode } }');
    expect(list.data?.publishedReports).toEqual([
      { number: '2/BC-BHXH', issuedOn: '2021-10-05', author: 'lanhdao', areaCode: '56' },
      { number: '1/BC-BHXH', issuedOn: '2021-10-05', author: 'lanhdao', areaCode: '56' },
      { number: '1/BC-BHXH', issuedOn: '2021-10-05', author: 'nhatrang', areaCode: '568' },
    ]);
    const district = await ask('camranh', '{ publishedReports { number } }');
    expect(district.data?.publishedReports).toEqual([]);
  });
});

describe('notes', () => {
  const NOTES = '# Tồn tại, hạn chế\nMột số đơn vị chưa phối hợp.\n# Kiến nghị\nĐề nghị tăng cường chỉ đạo.';

  test('the preview numbers them on from the report’s own sections; a wrong line is refused by number', async () => {
    const result = await ask(
      'lanhdao',
      'query ($notes: String) { report(asOf: "2021-09-30", notes: $notes) { notes { heading paragraphs } } }',
      { notes: NOTES },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.report.notes).toEqual([
      { heading: 'III. TỒN TẠI, HẠN CHẾ', paragraphs: ['Một số đơn vị chưa phối hợp.'] },
      { heading: 'IV. KIẾN NGHỊ', paragraphs: ['Đề nghị tăng cường chỉ đạo.'] },
    ]);
    const bad = await ask('lanhdao', 'query { report(asOf: "2021-09-30", notes: "# ") { title } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'notes' });
  });

  test('are kept with a published report: in its stored files and its figures', async () => {
    const published = await ask(
      'lanhdao',
      'mutation ($notes: String) { publishReport(asOf: "2021-09-30", notes: $notes) { id files { format url } } }',
      { notes: NOTES },
    );
    expect(published.errors).toBeUndefined();
    const pdf = published.data?.publishReport.files.find((f: AnyData) => f.format === 'PDF');
    const text = (await pdfText((await download('lanhdao', pdf.url)).bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('IV. KIẾN NGHỊ Đề nghị tăng cường chỉ đạo.');
    const [stored] = await database.db.execute<{ notes: unknown }>(
      sql`select figures->'notes' as notes from published_reports where id = ${Number(published.data?.publishReport.id)}`,
    );
    expect(stored?.notes).toEqual([
      { heading: 'Tồn tại, hạn chế', paragraphs: ['Một số đơn vị chưa phối hợp.'] },
      { heading: 'Kiến nghị', paragraphs: ['Đề nghị tăng cường chỉ đạo.'] },
    ]);
  });

  test('a download posted as a form carries them too', async () => {
    const response = await fetch(`${url}/reports/download`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.lanhdao}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ asOf: '2021-09-30', format: 'docx', notes: NOTES }).toString(),
    });
    expect(response.status).toBe(200);
    const { text } = await docxBody(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain('III. TỒN TẠI, HẠN CHẾ');
  });
});

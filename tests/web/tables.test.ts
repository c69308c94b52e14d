import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Dashboard, runBrowser, startDashboard } from '../helpers/browser.ts';
import type { AnyData } from '../helpers/graphql.ts';
import { repoRoot, signIn } from '../helpers/processes.ts';

/*
 * The dashboard's tables at their edges, in Debian's Chromium on the demo data: their state in the
 * URL (reload, back, a link), their orders (the server's for a paged list, the browser's otherwise),
 * their CSV and XLSX files read back and held to what the screen shows, and the access log of the
 * lists of persons downloaded. The day is 30/9/2021 and the area Nha Trang (568, in 2021's map).
 */

const DAY = '2021-09-30';
const AREA = `/areas/568?asOf=${DAY}`;
const SCOPE = '{ areaId: "568", geography: "KH-2021" }';
const vn = new Intl.NumberFormat('vi-VN');

let browser: Browser;
let password: string;
let server: Dashboard['server'];
let dashboard: Dashboard | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!runBrowser) return;
  dashboard = await startDashboard('tables');
  ({ server, password, browser } = dashboard);
  fs.mkdirSync(path.join(repoRoot, 'screenshots'), { recursive: true });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await dashboard?.close();
});

async function askAs(username: string, query: string): Promise<AnyData> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(server.url, username, password) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: AnyData; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** A page signed in as `username` (the session cookie of /auth/login, set directly). */
async function pageOf(username: string, width = 1366): Promise<Page> {
  const cookie = await signIn(server.url, username, password);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  contexts.push(context);
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  return context.newPage();
}

/** The panel whose heading matches. */
const panel = (page: Page, heading: string | RegExp) =>
  page.locator('section.panel').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });

/** The cells of each body row, as the screen shows them. */
async function bodyRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) =>
          (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

/** A count as the screen writes it ("1.234"), or a share ("62,4 %"), back to a number. */
const screenNumber = (text: string) => Number(text.replace(/[.\s%]/g, '').replace(',', '.'));

/** Presses a button and returns the file it downloads: its name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

function readCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8').slice(1)) as string[][];
}

async function readXlsx(bytes: Buffer): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      (row.values as (string | number | null | undefined)[])
        .slice(1)
        .map((v) => (v === undefined ? null : v)),
    );
  });
  return rows;
}

const unitsPanel = (page: Page) => panel(page, 'Danh sách đơn vị');
const showing = (page: Page) => unitsPanel(page).locator('.pager');

describe.skipIf(!runBrowser)('the units that lag most', () => {
  test('are those with the most persons not yet activated, ties by size, with rate, place and officer', async () => {
    // The province's overview lists them; a district's page lists all its units instead.
    const page = await pageOf('admin');
    await page.goto(`${server.url}/?asOf=${DAY}`);
    const lagging = panel(page, /còn nhiều người chưa kích hoạt nhất/);
    await lagging.locator('tbody tr').first().waitFor();
    const api = await askAs(
      'admin',
      `{ area(id: "56", geography: "KH-2021") { units(orderBy: NOT_ACTIVATED, asOf: "${DAY}", first: 20) {
        edges { node { id commune { name } district { name } officer(asOf: "${DAY}") { fullName }
          coverage(asOf: "${DAY}") { target activated activationRate } } } } } }`,
    );
    const expected = api.area.units.edges.map((e: AnyData) => e.node);
    const rows = await bodyRows(lagging);
    expect(rows.map((r) => r[0])).toEqual(expected.map((u: AnyData) => u.id));
    const headers = await lagging.locator('thead th').allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼↕]/g, '').trim())).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Xã / huyện',
      'Cán bộ phụ trách',
      'Người tham gia',
      'Đã kích hoạt',
      'Chưa kích hoạt',
      'Tỷ lệ kích hoạt',
    ]);
    for (const [i, unit] of expected.entries()) {
      const row = rows[i] as string[];
      expect(row[2]).toBe(unit.commune?.name ?? unit.district?.name ?? '');
      expect(row[3]).toBe(unit.officer?.fullName ?? 'Chưa phân công');
      expect(screenNumber(row[6] as string)).toBe(unit.coverage.target - unit.coverage.activated);
      expect(row[7]).toContain(`${(unit.coverage.activationRate * 100).toFixed(1).replace('.', ',')}`);
    }
    const left = expected.map((u: AnyData) => [u.coverage.target - u.coverage.activated, u.coverage.target]);
    for (let i = 1; i < left.length; i++) {
      const [a, sizeA] = left[i - 1];
      const [b, sizeB] = left[i];
      expect(a > b || (a === b && sizeA >= sizeB), `row ${i + 1}`).toBe(true);
    }
    // The largest unit of the area is not behind twenty small ones: the first has dozens left.
    expect(left[0][0]).toBeGreaterThan(20);
    await page.close();
  });
});

describe.skipIf(!runBrowser)('a table keeps its state in the URL', () => {
  test('a filter, an order and a page survive a reload and go back with the back button', async () => {
    const page = await pageOf('admin');
    await page.goto(`${server.url}${AREA}`);
    const units = unitsPanel(page);
    await units.locator('tbody tr').first().waitFor();
    const counted = await askAs(
      'admin',
      `{ units(scope: { areaId: "568", geography: "KH-2021", sector: "NQD" }, asOf: "${DAY}") { totalCount } }`,
    );
    const total = counted.units.totalCount as number;
    expect(total).toBeGreaterThan(50);
    await units.getByLabel('Khối').selectOption('NQD');
    await units.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => showing(page).textContent()).toContain(`Đơn vị 1–25 trong ${vn.format(total)}.`);
    // the most insured persons first: twice on the heading
    const target = units.getByRole('columnheader', { name: 'Người tham gia' });
    await target.getByRole('button').click();
    await expect.poll(() => target.getAttribute('aria-sort')).toBe('ascending');
    await target.getByRole('button').click();
    await expect.poll(() => target.getAttribute('aria-sort')).toBe('descending');
    await units.getByRole('button', { name: 'Trang sau' }).click();
    await expect.poll(() => showing(page).textContent()).toContain(`Đơn vị 26–50 trong ${vn.format(total)}.`);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      asOf: DAY,
      'u.sector': 'NQD',
      'u.sort': '-target',
      'u.page': '2',
    });
    const second = await askAs(
      'admin',
      `{ units(scope: { areaId: "568", geography: "KH-2021", sector: "NQD" }, asOf: "${DAY}", orderBy: TARGET_DESC, first: 25, offset: 25) { edges { node { id } } } }`,
    );
    const codes = second.units.edges.map((e: AnyData) => e.node.id);
    expect((await bodyRows(units)).map((r) => r[0])).toEqual(codes);

    await page.reload();
    await expect.poll(() => showing(page).textContent()).toContain(`Đơn vị 26–50 trong ${vn.format(total)}.`);
    expect((await bodyRows(units)).map((r) => r[0])).toEqual(codes);
    expect(await units.getByLabel('Khối').inputValue()).toBe('NQD');
    expect(await target.getAttribute('aria-sort')).toBe('descending');

    // back: page 1 of the same order, then ascending, then unfiltered
    await page.goBack();
    await expect.poll(() => showing(page).textContent()).toContain(`Đơn vị 1–25 trong ${vn.format(total)}.`);
    expect(await target.getAttribute('aria-sort')).toBe('descending');
    await page.goBack();
    await expect.poll(() => target.getAttribute('aria-sort')).toBe('ascending');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => units.getByLabel('Khối').inputValue()).toBe('');
    expect(new URL(page.url()).search).toBe(`?asOf=${DAY}`);
    await page.close();
  });

  test('nonsense in the URL falls back to the defaults, and a link opens on the same rows', async () => {
    const page = await pageOf('huyen');
    await page.goto(`${server.url}${AREA}&u.page=abc&u.sort=-password&u.sector=XYZ&u.reached=NOPE&l.sort=1`);
    const units = unitsPanel(page);
    const all = await askAs('admin', `{ units(scope: ${SCOPE}, asOf: "${DAY}") { totalCount } }`);
    await expect
      .poll(() => showing(page).textContent())
      .toContain(`Đơn vị 1–25 trong ${vn.format(all.units.totalCount)}.`);
    expect(await units.getByRole('columnheader', { name: 'Tỷ lệ kích hoạt' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    // a page past the end says so and leads back; one past what the API would skip is page 1
    await page.goto(`${server.url}${AREA}&u.page=900`);
    await expect.poll(() => showing(page).textContent()).toContain('Trang này quá cuối danh sách');
    await units.getByRole('button', { name: 'Trang đầu' }).click();
    await expect.poll(() => showing(page).textContent()).toContain('Đơn vị 1–25 trong');
    await page.goto(`${server.url}${AREA}&u.page=999999`);
    await expect.poll(() => showing(page).textContent()).toContain('Đơn vị 1–25 trong');
    // a link with a search, from someone else, shows what they saw
    await page.goto(`${server.url}${AREA}&u.q=khanh%20hoa&u.sort=name`);
    await expect.poll(() => units.getByLabel('Tìm theo mã hoặc tên').inputValue()).toBe('khanh hoa');
    const found = await askAs(
      'admin',
      `{ units(scope: ${SCOPE}, asOf: "${DAY}", filter: { search: "khanh hoa" }, orderBy: NAME, first: 25) { edges { node { id } } } }`,
    );
    await expect
      .poll(async () => (await bodyRows(units)).map((r) => r[0]))
      .toEqual(found.units.edges.map((e: AnyData) => e.node.id));
    // by officer in charge on the day, as the server orders it
    await page.goto(`${server.url}${AREA}&u.sort=-officer`);
    const byOfficer = await askAs(
      'admin',
      `{ units(scope: ${SCOPE}, asOf: "${DAY}", orderBy: OFFICER_DESC, first: 25) { edges { node { id } } } }`,
    );
    await expect
      .poll(async () => (await bodyRows(units)).map((r) => r[0]))
      .toEqual(byOfficer.units.edges.map((e: AnyData) => e.node.id));
    expect(
      await units.getByRole('columnheader', { name: 'Cán bộ phụ trách' }).getAttribute('aria-sort'),
    ).toBe('descending');
    await page.close();
  });
});

describe.skipIf(!runBrowser)('tables order by their columns', () => {
  test('the parts table sorts in the browser, by click and by Enter, both ways', async () => {
    const page = await pageOf('admin');
    await page.goto(`${server.url}/?asOf=${DAY}`);
    const parts = page.getByRole('region', { name: /^Bảng số liệu theo/ });
    await parts.locator('tbody tr').first().waitFor();
    const rate = parts.getByRole('columnheader', { name: 'Tỷ lệ kích hoạt' });
    expect(await rate.getAttribute('aria-sort')).toBe('none');
    await rate.getByRole('button').click();
    await expect.poll(() => rate.getAttribute('aria-sort')).toBe('ascending');
    const rates = async () => (await bodyRows(parts)).map((r) => screenNumber(r[4] as string));
    const ascending = await rates();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await rate.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rate.getAttribute('aria-sort')).toBe('descending');
    const descending = await rates();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(new URL(page.url()).searchParams.get('p.sort')).toBe('-rate');
    // by name, in Vietnamese alphabetical order
    const name = parts.getByRole('columnheader', { name: 'Huyện/thị xã/thành phố' });
    await name.getByRole('button').click();
    await expect.poll(() => name.getAttribute('aria-sort')).toBe('ascending');
    const names = (await bodyRows(parts)).map((r) => r[0] as string);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { numeric: true }).compare));
    await page.close();
  });
});

describe.skipIf(!runBrowser)('every table downloads', () => {
  test("a paged list downloads every row of its filter and order, in CSV and XLSX, the screen's figures", async () => {
    const page = await pageOf('admin');
    await page.goto(`${server.url}${AREA}&u.sector=NQD&u.sort=-left`);
    const units = unitsPanel(page);
    await units.locator('tbody tr').first().waitFor();
    const screen = await bodyRows(units);
    const api = await askAs(
      'admin',
      `{ units(scope: { areaId: "568", geography: "KH-2021", sector: "NQD" }, asOf: "${DAY}", orderBy: NOT_ACTIVATED, first: 500) { totalCount edges { node { id } } } }`,
    );

    const csv = await download(page, units.getByRole('button', { name: 'Tải CSV' }));
    expect(csv.name).toBe(`don-vi_568_${DAY}.csv`);
    const records = readCsv(csv.bytes);
    expect(records[0]).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Khối',
      'Cán bộ phụ trách',
      'Người tham gia',
      'Đã kích hoạt',
      'Chưa kích hoạt',
      'Tỷ lệ kích hoạt',
    ]);
    expect(records).toHaveLength(api.units.totalCount + 1);
    expect(records.slice(1).map((r) => r[0])).toEqual(api.units.edges.map((e: AnyData) => e.node.id));
    for (const [i, row] of screen.entries()) {
      const record = records[i + 1] as string[];
      expect(record.slice(0, 4)).toEqual(row.slice(0, 4));
      expect(record.slice(4, 7).map(Number)).toEqual(row.slice(4, 7).map(screenNumber));
      expect(Number(record[7])).toBe(screenNumber(row[7] as string));
    }

    const xlsx = await download(page, units.getByRole('button', { name: 'Tải Excel' }));
    expect(xlsx.name).toBe(`don-vi_568_${DAY}.xlsx`);
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet[0]).toEqual(records[0]);
    expect(sheet).toHaveLength(records.length);
    for (const [i, row] of screen.entries()) {
      const cells = sheet[i + 1] as (string | number)[];
      expect(cells.slice(0, 4)).toEqual(row.slice(0, 4));
      expect(cells.slice(4, 7)).toEqual(row.slice(4, 7).map(screenNumber));
      expect(Math.round((cells[7] as number) * 1000) / 10).toBe(screenNumber(row[7] as string));
    }
    await page.close();
  });

  test('a table of parts downloads its rows in the order on screen, with its totals', async () => {
    const page = await pageOf('admin');
    await page.goto(`${server.url}/?asOf=${DAY}&p.sort=-activated`);
    const parts = page.getByRole('region', { name: /^Bảng số liệu theo/ });
    await parts.locator('tbody tr').first().waitFor();
    const screen = await bodyRows(parts);
    const totals = (await parts.locator('tfoot tr th, tfoot tr td').allTextContents()).map((c) => c.trim());
    const partsPanel = panel(page, /^Số liệu theo/);
    const csv = await download(page, partsPanel.getByRole('button', { name: 'Tải CSV' }));
    expect(csv.name).toBe(`theo-huyen_56_${DAY}.csv`);
    const records = readCsv(csv.bytes);
    expect(records.slice(1, -1).map((r) => r[0])).toEqual(screen.map((r) => r[0]));
    expect(records.at(-1)?.[0]).toBe(totals[0]);
    expect(Number(records.at(-1)?.[3])).toBe(screenNumber(totals[3] as string));
    expect(Number(records[1]?.[4])).toBe(screenNumber(screen[0]?.[4] as string));
    const xlsx = await readXlsx(
      (await download(page, partsPanel.getByRole('button', { name: 'Tải Excel' }))).bytes,
    );
    expect(xlsx.slice(1).map((r) => r[0])).toEqual(records.slice(1).map((r) => r[0]));
    await page.close();
  });

  test('a list of persons downloads for a district head and an officer, each download in the access log; an analyst has no such button', async () => {
    const before = await askAs('admin', '{ accessLog(first: 500) { totalCount } }');
    // a district head's unit
    const theirs = await askAs(
      'huyen',
      `{ units(scope: { areaId: "568", geography: "KH-2021" }, asOf: "${DAY}", orderBy: TARGET_DESC, first: 1) { edges { node { id coverage { target } } } } }`,
    );
    const unit = theirs.units.edges[0].node;
    const page = await pageOf('huyen');
    await page.goto(`${server.url}/units/${unit.id}?asOf=${DAY}&n.sort=-step`);
    const persons = panel(page, 'Người lao động của đơn vị');
    await persons.locator('tbody tr').first().waitFor();
    // The file holds the figures, not the controls: the last column of a district head's list is
    // the button that records a stuck reason.
    const screen = (await bodyRows(persons)).map((row) => row.slice(0, 4));
    const csv = await download(page, persons.getByRole('button', { name: 'Tải CSV' }));
    expect(csv.name).toBe(`nguoi-lao-dong_${unit.id}_${DAY}.csv`);
    const records = readCsv(csv.bytes);
    expect(records[0]).toEqual(['Họ và tên', 'Mã số BHXH', 'Bước đã đạt', 'Lý do chưa kích hoạt']);
    expect(records.slice(1, screen.length + 1)).toEqual(screen);
    for (const record of records.slice(1)) expect(record[1]).toMatch(/^\*{6}\d{4}$/);
    const persons568 = records.length - 1;
    const log = await askAs(
      'admin',
      '{ accessLog(username: "huyen", first: 5) { entries { kind rows field } } }',
    );
    expect(log.accessLog.entries[0]).toEqual({ kind: 'DOWNLOAD', rows: persons568, field: 'Download.CSV' });
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/tables-persons.png'), fullPage: true });

    // an officer's own unit, as a workbook
    const own = await askAs(
      'canbo',
      `{ units(scope: {}, asOf: "${DAY}", first: 1) { edges { node { id } } } }`,
    );
    const officerPage = await pageOf('canbo');
    await officerPage.goto(`${server.url}/units/${own.units.edges[0].node.id}?asOf=${DAY}`);
    const theirPersons = panel(officerPage, 'Người lao động của đơn vị');
    await theirPersons.locator('tbody tr').first().waitFor();
    const xlsx = await readXlsx(
      (await download(officerPage, theirPersons.getByRole('button', { name: 'Tải Excel' }))).bytes,
    );
    const officerLog = await askAs(
      'admin',
      '{ accessLog(username: "canbo", first: 5) { entries { kind rows field } } }',
    );
    expect(officerLog.accessLog.entries[0]).toEqual({
      kind: 'DOWNLOAD',
      rows: xlsx.length - 1,
      field: 'Download.XLSX',
    });
    const after = await askAs('admin', '{ accessLog(first: 500) { totalCount } }');
    expect(after.accessLog.totalCount).toBeGreaterThan(before.accessLog.totalCount);

    // the administrator's access log says which entries are downloads
    const adminPage = await pageOf('admin');
    await adminPage.goto(`${server.url}/admin/accounts`);
    const accessLog = adminPage.getByRole('region', { name: 'Nhật ký truy cập dữ liệu cá nhân' }).first();
    await expect.poll(() => accessLog.getByText('Tải tệp').count()).toBeGreaterThan(0);
    // its 50 newest entries order by a column in the browser, and download
    const count = accessLog.getByRole('columnheader', { name: 'Số người' });
    await count.getByRole('button').click();
    await count.getByRole('button').click();
    await expect.poll(() => count.getAttribute('aria-sort')).toBe('descending');
    const counts = (await bodyRows(accessLog)).map((r) => screenNumber(r[4] as string));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const logFile = readCsv(
      (
        await download(
          adminPage,
          panel(adminPage, /^Nhật ký truy cập/).getByRole('button', { name: 'Tải CSV' }),
        )
      ).bytes,
    );
    expect(logFile.slice(1).map((r) => Number(r[4]))).toEqual(counts);

    // an analyst reads the same unit's figures, and has nothing of its persons to download
    const analyst = await pageOf('phantich');
    await analyst.goto(`${server.url}/units/${unit.id}?asOf=${DAY}`);
    await analyst.getByRole('heading', { level: 1 }).waitFor();
    await analyst.locator('.tile--headline .tile__value').first().waitFor();
    expect(await panel(analyst, 'Người lao động của đơn vị').count()).toBe(0);
    expect(await analyst.locator('[data-action="persons:read"]').count()).toBe(0);
    // the only files on the analyst's unit page are of figures: the trend's table
    await panel(analyst, /^Diễn biến/)
      .getByText(/^Tải CSV$/)
      .waitFor({ state: 'attached' });
    const files = analyst.getByText(/^Tải (CSV|Excel)$/);
    expect(await files.count()).toBe(
      await panel(analyst, /^Diễn biến/)
        .getByText(/^Tải (CSV|Excel)$/)
        .count(),
    );
    await page.close();
  });
});

describe.skipIf(!runBrowser)('the reports link', () => {
  test('carries the day and the area being viewed', async () => {
    const page = await pageOf('admin');
    await page.goto(`${server.url}${AREA}`);
    const link = page.getByRole('navigation').getByRole('link', { name: 'Báo cáo' });
    await expect.poll(() => link.getAttribute('href')).toBe(`/reports?asOf=${DAY}&area=568`);
    await link.click();
    await page.waitForURL(/\/reports\?/);
    await expect
      .poll(() => page.getByText(/Tính đến ngày 30\/09\/2021, trên địa bàn .*Nha Trang/i).count())
      .toBeGreaterThan(0);
    await page.close();
  });
});

describe.skipIf(!runBrowser)('screenshots', () => {
  test("the province's and a district's tables at 1366 px and at 390 px", async () => {
    for (const width of [1366, 390]) {
      const page = await pageOf('admin', width);
      await page.goto(`${server.url}/?asOf=${DAY}&p.sort=-rate`);
      const lagging = panel(page, /còn nhiều người chưa kích hoạt nhất/);
      await lagging.locator('tbody tr').first().waitFor();
      await lagging.evaluate((section) => section.scrollIntoView());
      await page.screenshot({ path: path.join(repoRoot, `screenshots/tables-lagging-${width}.png`) });
      await page.screenshot({
        path: path.join(repoRoot, `screenshots/tables-province-${width}.png`),
        fullPage: true,
      });
      await page.goto(`${server.url}${AREA}&u.sort=-left`);
      const units = unitsPanel(page);
      await units.locator('tbody tr').first().waitFor();
      await units.evaluate((section) => section.scrollIntoView());
      await page.screenshot({ path: path.join(repoRoot, `screenshots/tables-units-${width}.png`) });
      await page.close();
    }
  });
});

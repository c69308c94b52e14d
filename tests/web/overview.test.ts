import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Dashboard, runBrowser, startDashboard } from '../helpers/browser.ts';
import { connectToSocket, onPostgres } from '../helpers/database.ts';
import type { AnyData } from '../helpers/graphql.ts';
import { repoRoot, signIn } from '../helpers/processes.ts';

/*
 * The dashboard as a person sees it, in Debian's Chromium: the overview shows the figures the API
 * gives, in Vietnamese format, and loads nothing from outside the server. `pnpm test` builds the web
 * first; CI installs Chromium. Outside CI, a machine without Chromium skips these tests.
 */

const vn = new Intl.NumberFormat('vi-VN');

let browser: Browser;
/** Signed in through the login page by the first test; the pages of the later tests share it. */
let context: BrowserContext;
let password: string;
let server: Dashboard['server'];
let dashboard: Dashboard | undefined;
/** Every console error and uncaught exception of every page of every context; the last test wants none. */
const consoleErrors: string[] = [];

function watchConsole(watched: BrowserContext): BrowserContext {
  watched.on('console', (message) => {
    // A wrong password is answered 401, which the browser logs; the page shows it as it should.
    if (message.type() === 'error' && !message.location().url.endsWith('/auth/login'))
      consoleErrors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  watched.on('weberror', (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  return watched;
}

beforeAll(async () => {
  if (!runBrowser) return;
  dashboard = await startDashboard('web');
  ({ server, password, browser } = dashboard);
  context = watchConsole(
    await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    }),
  );
});
afterAll(() => dashboard?.close());

describe.skipIf(!runBrowser)('signing in', () => {
  test('anyone not signed in lands on the login page; a wrong password says so; the right one opens the page asked for', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/khong-co-trang-nay`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai mật khẩu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Sai tên đăng nhập hoặc mật khẩu');
    fs.mkdirSync(path.join(repoRoot, 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/login.png') });
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.url}/khong-co-trang-nay`);
    await expect.poll(() => page.getByText('Quản trị hệ thống').count()).toBeGreaterThan(0);
    const cookie = (await context.cookies()).find((c) => c.name === 'vssid_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.close();
  });
});

/** The totals row of the table of an area's parts (districts or communes), in either language. */
const partsTotals = (page: import('playwright-core').Page) =>
  page.getByRole('region', { name: /^(Số liệu theo|Figures by)/ }).locator('tfoot tr');

describe.skipIf(!runBrowser)('the overview page', () => {
  test('shows the province’s figures as the API gives them, in Vietnamese, from this server only', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/`);
    const totals = partsTotals(page);
    await totals.waitFor();

    const ask = (query: string) => askAs('tinh', query);
    const { today } = await ask('{ today }');
    const weekAgo = new Date(`${today}T00:00:00Z`);
    weekAgo.setUTCDate(weekAgo.getUTCDate() - 7);
    const data = await ask(`{ coverage { target registered activated units unitsContacted }
      weekAgo: coverage(asOf: "${weekAgo.toISOString().slice(0, 10)}") { activated } }`);
    const c = data.coverage;
    const change = c.activated - data.weekAgo.activated;
    const cells = await totals.locator('td').allInnerTexts();
    expect(cells.map((cell) => cell.replace(/\s+/g, ' ').trim())).toEqual([
      vn.format(c.target as number),
      vn.format(c.registered as number),
      vn.format(c.activated as number),
      expect.stringMatching(/^\d{1,3},\d %$/),
      `${vn.format(c.unitsContacted as number)} / ${vn.format(c.units as number)}`,
      change === 0 ? '0' : `${change > 0 ? '+' : '−'}${vn.format(Math.abs(change))}`,
      '',
    ]);
    // Today is in 2025's map: the province's 65 communes, wards and đặc khu, no district level.
    expect(
      await page
        .getByRole('region', { name: 'Số liệu theo xã, phường, đặc khu' })
        .locator('tbody tr')
        .count(),
    ).toBe(65);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    // the chart names every commune (one at 0 % has a bar of no width, so count the labels)
    await expect
      .poll(() => page.locator('figure svg .recharts-cartesian-axis-tick-value').allTextContents())
      .toEqual(expect.arrayContaining(['Phường Nha Trang', 'Đặc khu Trường Sa', 'Xã Khánh Sơn']));
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    fs.mkdirSync(path.join(repoRoot, 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/overview.png'), fullPage: true });
  });

  test('chart code that fails to load leaves the figures and offers a retry that draws the chart', async () => {
    // Not watched: the refused chunks are logged as console errors, which here is the point.
    const unwatched = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const [name, value] = (await signIn(server.url, 'admin', password)).split('=') as [string, string];
    await unwatched.addCookies([{ name, value, url: server.url }]);
    const refuseCharts = (route: import('playwright-core').Route) => route.abort();
    await unwatched.route(/\/assets\/[A-Za-z]*Chart-[^/]*\.js$/, refuseCharts);
    const page = await unwatched.newPage();
    // Today's figures in 2021's map: its nine districts.
    await page.goto(`${server.url}/?geo=KH-2021`);
    const chartPanel = page.getByRole('region', { name: 'Tỷ lệ kích hoạt theo huyện, thị xã, thành phố' });
    await chartPanel.getByRole('alert').waitFor();
    expect(await chartPanel.getByRole('alert').textContent()).toContain('Không tải được dữ liệu');
    // The tiles and the districts' table do not depend on the chart code.
    const partsTable = page.getByRole('region', { name: /^Số liệu theo/ });
    await partsTotals(page).waitFor();
    expect(await partsTable.locator('tbody tr').count()).toBe(9);
    await unwatched.unroute(/\/assets\/[A-Za-z]*Chart-[^/]*\.js$/, refuseCharts);
    await chartPanel.getByRole('button', { name: 'Thử lại' }).click();
    await chartPanel.locator('.recharts-bar-rectangle').first().waitFor();
    await unwatched.close();
  });

  test.skipIf(onPostgres)(
    'while an import writes the embedded database, the page says so and shows the figures on its own once it ends',
    async () => {
      // Not watched: the 503s are logged as console errors, which here is the point.
      const unwatched = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
      const [name, value] = (await signIn(server.url, 'admin', password)).split('=') as [string, string];
      await unwatched.addCookies([{ name, value, url: server.url }]);
      // As an import's write transaction does: a connection of its own holds the one session.
      const writer = connectToSocket(path.join(dashboard?.dataDir as string, '.s.PGSQL.5432'));
      const reserved = await writer.reserve();
      const holdSession = async () => {
        await reserved`begin`;
        await reserved`select count(*) from units`;
      };
      const busy = 'đang ghi dữ liệu nhập';
      try {
        // A page opened meanwhile: the session check itself waits, the login page is not shown.
        await holdSession();
        const page = await unwatched.newPage();
        await page.goto(`${server.url}/?geo=KH-2021`);
        await expect
          .poll(() => page.getByRole('alert').first().textContent(), { timeout: 15_000 })
          .toContain(busy);
        expect(page.url()).not.toMatch(/\/login/);
        await page.screenshot({ path: path.join(repoRoot, 'screenshots/database-busy-390.png') });
        await reserved`commit`;
        // no click: it asks again by itself
        await partsTotals(page).waitFor({ timeout: 15_000 });
        expect(await page.getByText(busy).count()).toBe(0);

        // A page already open: its panels say so, each, and fill in by themselves afterwards.
        await holdSession();
        // The table's link (the map's is named with its rate too): a click at the centre of Nha
        // Trang's shape on the map can fall in the sea between its islands.
        await page.getByRole('link', { name: 'Thành phố Nha Trang', exact: true }).first().click();
        await expect.poll(() => page.getByText(busy).count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await page.screenshot({
          path: path.join(repoRoot, 'screenshots/database-busy-panels-390.png'),
          fullPage: true,
        });
        await reserved`commit`;
        await partsTotals(page).waitFor({ timeout: 15_000 });
        await expect.poll(() => page.getByText(busy).count(), { timeout: 15_000 }).toBe(0);
      } finally {
        await reserved`rollback`.catch(() => {});
        reserved.release();
        await writer.end({ timeout: 1 });
        await unwatched.close();
      }
    },
  );

  test('an unknown address shows a page that says so, with a way home', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/khong-co-trang-nay`);
    await expect.poll(() => page.getByText('Không tìm thấy trang').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /tổng quan|trang chủ/i }).count()).toBeGreaterThan(0);
  });
});

/** What the API answers `username` (signed in with the demo password): what the pages must show. */
async function askAs(username: string, query: string): Promise<AnyData> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(server.url, username, password) },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: AnyData }).data;
}

/** A browser context signed in as `username` (the session cookie of /auth/login, set directly). */
async function contextOf(username: string): Promise<BrowserContext> {
  const cookie = await signIn(server.url, username, password);
  const [name, value] = cookie.split('=') as [string, string];
  const signedIn = watchConsole(
    await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' }),
  );
  await signedIn.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  return signedIn;
}

describe.skipIf(!runBrowser)('each role lands where its work is', () => {
  test('a district head sees their district and its communes, nothing of the others', async () => {
    const district = await contextOf('huyen');
    const page = await district.newPage();
    await page.goto(`${server.url}/`);
    await partsTotals(page).waitFor();
    expect(await page.getByRole('heading', { name: 'Thành phố Nha Trang – tổng quan' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Số liệu theo xã, phường, thị trấn' }).count()).toBe(1);
    // Their account was named in 2021's map, and their overview stays in it.
    const data = await askAs('huyen', '{ areas(level: DISTRICT, geography: "KH-2021") { children { id } } }');
    expect(data.areas).toHaveLength(1);
    expect(
      await page
        .getByRole('region', { name: /^Số liệu theo/ })
        .locator('tbody tr')
        .count(),
    ).toBe(data.areas[0]?.children.length);
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/district.png'), fullPage: true });
    await district.close();
  });

  test('an officer sees the units in their charge, the laggards first', async () => {
    const officer = await contextOf('canbo');
    const page = await officer.newPage();
    await page.goto(`${server.url}/`);
    const units = page
      .getByRole('region', { name: 'Đơn vị phụ trách, tỷ lệ kích hoạt thấp nhất trước' })
      .first()
      .locator('tbody tr');
    await units.first().waitFor();
    const data = await askAs('canbo', '{ units { totalCount } }');
    expect(data.units.totalCount).toBeGreaterThan(0);
    expect(await units.count()).toBe(data.units.totalCount);
    expect(await page.getByRole('heading', { name: 'Các đơn vị tôi phụ trách' }).count()).toBe(1);
    // what is left to do, early in the rollout: the same units as the API's
    await page.goto(`${server.url}/?asOf=2021-05-01`);
    // the units in their charge on that day (and still theirs today: an officer reads only those)
    const { me } = await askAs('canbo', '{ me { staff { id } } }');
    const scope = `scope: { staffId: "${me.staff.id}" }`;
    const todo = await askAs(
      'canbo',
      `{ a: units(${scope}, filter: { notContacted: true }, asOf: "2021-05-01") { totalCount }
        b: units(${scope}, filter: { reached: LEADERSHIP_CONTACTED, notReached: REPRESENTATIVE_GUIDED }, asOf: "2021-05-01") { totalCount } }`,
    );
    await page
      .getByRole('heading', { name: `Đơn vị chưa liên hệ (${vn.format(todo.a.totalCount)})` })
      .waitFor();
    expect(
      await page
        .getByRole('heading', {
          name: `Đã liên hệ, chưa hướng dẫn người đại diện (${vn.format(todo.b.totalCount)})`,
        })
        .count(),
    ).toBe(1);
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/officer.png'), fullPage: true });
    await officer.close();
  });

  test('an office’s account sees the units its office manages, by commune of the day’s map, adding up', async () => {
    const office = await contextOf('coso');
    const page = await office.newPage();
    await page.goto(`${server.url}/?asOf=2021-07-31`);
    // The page knows whose it is once the session has loaded: wait for the heading rather than read it.
    await page.getByRole('heading', { name: 'Các đơn vị cơ quan tôi quản lý' }).waitFor();
    const communes = page.getByRole('region', { name: /^Theo xã, phường nơi đơn vị đặt trụ sở/ });
    await communes.locator('tfoot tr').waitFor();
    const data = await askAs(
      'coso',
      `{ me { office { id } } coverage(asOf: "2021-07-31") { target activated units }
        breakdown(by: COMMUNE, asOf: "2021-07-31") { key } }`,
    );
    expect(data.me.office.id).toBe('BHXH-568');
    expect(await communes.locator('tbody tr').count()).toBe(data.breakdown.length);
    // The totals row is the office's coverage: its units, persons and activated.
    const totals = await communes.locator('tfoot tr td').allTextContents();
    expect(totals[0]).toBe(vn.format(data.coverage.units));
    expect(totals[2]).toBe(vn.format(data.coverage.target));
    expect(totals[4]).toBe(vn.format(data.coverage.activated));
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/office.png'), fullPage: true });
    // In 2025's map the same units fall into that map's communes, the totals unchanged.
    await page.goto(`${server.url}/?asOf=2021-07-31&geo=KH-2025`);
    await expect.poll(() => communes.locator('tfoot tr td').first().textContent()).toBe(totals[0]);
    expect(await communes.locator('tfoot tr td').allTextContents()).toEqual(totals);
    await office.close();
  });

  test('an administrator creates an account in the browser; a mistake is shown beside its field', async () => {
    // a read of persons' data, for the access log below to show
    await askAs(
      'huyen',
      '{ units(first: 1) { edges { node { persons(first: 3) { edges { node { fullName } } } } } } }',
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await expect.poll(() => page.getByText('Unit.persons').count()).toBeGreaterThan(0);
    // the account events: the administrator's own sign-in, among others
    await expect
      .poll(() => page.getByRole('cell', { name: 'Đăng nhập', exact: true }).count())
      .toBeGreaterThan(0);
    await page.getByRole('rowheader', { name: /^tinh / }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('phan.tich.moi');
    await page.getByLabel('Vai trò').selectOption('ANALYST');
    await page.getByLabel('Mật khẩu').fill('ngắn');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContain('Mật khẩu cần ít nhất 10 ký tự.');
    await page.getByLabel('Mật khẩu').fill('một mật khẩu đủ dài');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('rowheader', { name: /^phan\.tich\.moi / }).waitFor();
    // A district's account may be bound to an office instead (a BHXH cơ sở).
    await page.getByLabel('Tên đăng nhập').fill('co.so.moi');
    await page.getByLabel('Vai trò').selectOption('DISTRICT');
    await page.getByLabel('Địa bàn hoặc cơ quan BHXH').selectOption({ label: 'BHXH Thành phố Cam Ranh' });
    await page.getByLabel('Mật khẩu').fill('một mật khẩu đủ dài');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('rowheader', { name: /^co\.so\.moi / }).waitFor();
    const { accounts } = await askAs('admin', '{ accounts { username area { id } office { id } } }');
    expect(accounts.find((a: AnyData) => a.username === 'co.so.moi')).toEqual({
      username: 'co.so.moi',
      area: null,
      office: { id: 'BHXH-569' },
    });
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/accounts.png'), fullPage: true });
    expect(await signIn(server.url, 'phan.tich.moi', 'một mật khẩu đủ dài')).toMatch(/^vssid_session=/);
    await page.close();
  });

  test('an administrator sees the refused reads of persons, and an alert for an account refused more than 20 times in a minute', async () => {
    // A person of district 569, outside the district head’s Nha Trang (568): probed 21 times, five at
    // most in one request (the query weight), answered each time as an id that names nobody.
    const other = await askAs(
      'admin',
      '{ units(scope: { areaId: "569", geography: "KH-2021" }, first: 1) { edges { node { persons(first: 1) { edges { node { id } } } } } } }',
    );
    const id = other.units.edges[0].node.persons.edges[0].node.id as string;
    const answers: unknown[] = [];
    for (const n of [5, 5, 5, 5, 1]) {
      const aliases = Array.from({ length: n }, (_, i) => `p${i}: person(id: "${id}") { fullName }`);
      answers.push(...Object.values(await askAs('huyen', `{ ${aliases.join(' ')} }`)));
    }
    expect(answers).toEqual(Array.from({ length: 21 }, () => null));
    // And an id that names nobody: the same answer, logged too, and counted in the same minute.
    expect(await askAs('huyen', '{ person(id: "999999999") { fullName } }')).toEqual({ person: null });

    for (const [width, file] of [
      [1366, 'refusals.png'],
      [390, 'refusals-390.png'],
    ] as const) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/admin/accounts`);
      const alert = page.locator('.refusal-alerts');
      await expect
        .poll(() => alert.textContent())
        .toMatch(
          /Cảnh báo: tài khoản huyen bị từ chối 22 lần trong 1 phút lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\./,
        );
      const refusals = page.getByRole('region', { name: /^Truy cập bị từ chối/ });
      await refusals.getByRole('cell', { name: id, exact: true }).first().waitFor();
      expect(await refusals.getByRole('cell', { name: 'Ngoài phạm vi', exact: true }).count()).toBe(21);
      expect(await refusals.getByRole('cell', { name: 'Không tồn tại', exact: true }).count()).toBe(1);
      // Nothing sideways at a phone's width: the page scrolls down, not across.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(repoRoot, `screenshots/${file}`), fullPage: true });
      await page.close();
    }
  });
});

describe.skipIf(!runBrowser)('drilling down, on any day', () => {
  /** The headline tile's figure: the activated persons. */
  const headline = async (page: import('playwright-core').Page) =>
    (await page.locator('.tile--headline .tile__value').textContent()) ?? '';
  const districtRows = (page: import('playwright-core').Page) =>
    page.getByRole('region', { name: /^Số liệu theo/ }).locator('tbody tr');

  test('province → district → commune and back, every figure the API’s, the day kept in the URL', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/?asOf=2021-07-31`);
    await partsTotals(page).waitFor();
    expect(await page.getByText('Số liệu đến ngày 31/07/2021').count()).toBe(1);
    // the demo goal, the pace and the forecast date, for the province on that day
    await page.getByText(/^Chỉ tiêu: 80,0\s%\sngười tham gia kích hoạt VssID trước 31\/12\/2021/).waitFor();
    expect(
      await page.getByText(/^Với tốc độ 28 ngày qua, đạt 80,0\s%\svào ngày \d{2}\/\d{2}\/\d{4}\.$/).count(),
    ).toBe(1);
    await page.locator('.recharts-line').first().waitFor();
    await page
      .getByRole('region', { name: /^Diễn biến/ })
      .screenshot({ path: path.join(repoRoot, 'screenshots/trend.png') });
    // the trend, read as a table: its last day is the tiles' day, with the same figure
    await page
      .getByRole('region', { name: 'Diễn biến 90 ngày qua' })
      .getByText('Xem số liệu dạng bảng')
      .click();
    const lastDay = page.getByRole('region', { name: 'Xem số liệu dạng bảng' }).locator('tbody tr').first();
    expect(await lastDay.locator('th').textContent()).toBe('31/07/2021');
    expect(await lastDay.locator('td').nth(2).textContent()).toBe(await headline(page));
    await page.screenshot({
      path: path.join(repoRoot, 'screenshots/overview-2021-07-31.png'),
      fullPage: true,
    });
    await page.getByRole('link', { name: 'Thành phố Nha Trang', exact: true }).click();
    await page.waitForURL(`${server.url}/areas/568?asOf=2021-07-31`);
    await page.getByRole('heading', { name: 'Thành phố Nha Trang – tổng quan' }).waitFor();
    const api = (query: string) => askAs('admin', query);
    const nhaTrang = await api(
      '{ area(id: "568", geography: "KH-2021") { coverage(asOf: "2021-07-31") { activated } children { name } } }',
    );
    await expect.poll(() => districtRows(page).count()).toBe(nhaTrang.area.children.length);
    const tiles = await headline(page);
    expect(tiles.replace(/\s/g, '')).toBe(vn.format(nhaTrang.area.coverage.activated));
    // a commune, then the breadcrumbs back up
    const commune = nhaTrang.area.children[0].name as string;
    await page.getByRole('link', { name: commune, exact: true }).click();
    await page.getByRole('heading', { name: `${commune} – tổng quan` }).waitFor();
    expect(page.url()).toContain('asOf=2021-07-31');
    const crumbs = page.getByRole('navigation', { name: 'Vị trí' });
    expect(await crumbs.getByRole('link').allInnerTexts()).toEqual(['Tỉnh Khánh Hòa', 'Thành phố Nha Trang']);
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/commune.png'), fullPage: true });
    await crumbs.getByRole('link', { name: 'Tỉnh Khánh Hòa' }).click();
    await page.waitForURL(`${server.url}/areas/56?asOf=2021-07-31`);
    await expect.poll(() => districtRows(page).count()).toBe(9);
    // the browser's back button returns to the commune at once, from the cache
    await page.goBack();
    await page.getByRole('heading', { name: `${commune} – tổng quan` }).waitFor();
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a unit page: who it is, who is in charge, what was done, its figures, and its employees masked', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/areas/568?asOf=2021-09-30`);
    const lagging = page.getByRole('region', { name: 'Danh sách đơn vị' });
    const first = lagging.locator('tbody tr th a').first();
    const name = (await first.textContent()) as string;
    await first.click();
    await page.waitForURL(/\/units\/[^/?]+\?asOf=2021-09-30$/);
    const code = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const data = await askAs(
      'admin',
      `{ unit(id: "${code}") { coverage(asOf: "2021-09-30") { activated target } } }`,
    );
    await expect.poll(() => headline(page)).toBe(vn.format(data.unit.coverage.activated));
    const persons = page.getByRole('region', { name: 'Người lao động của đơn vị' });
    await persons.locator('tbody tr').first().waitFor();
    expect(await persons.locator('tbody tr').count()).toBe(Math.min(50, data.unit.coverage.target));
    for (const cell of await persons.locator('tbody td code').allTextContents())
      expect(cell).toMatch(/^\*{6}\d{4}$/);
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/unit.png'), fullPage: true });
    // an analyst sees the same unit's figures, and no employee
    const analyst = await contextOf('phantich');
    const theirs = await analyst.newPage();
    await theirs.goto(`${server.url}/units/${code}?asOf=2021-09-30`);
    await expect.poll(() => headline(theirs)).toBe(vn.format(data.unit.coverage.activated));
    expect(await theirs.getByRole('region', { name: 'Người lao động của đơn vị' }).count()).toBe(0);
    await analyst.close();
    await page.close();
  });

  test('a district’s units: searched without diacritics, filtered, paged, each figure the API’s', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/areas/568?asOf=2021-09-30`);
    const table = page.getByRole('region', { name: 'Danh sách đơn vị' });
    await table.locator('tbody tr').first().waitFor();
    const api = (query: string) => askAs('admin', query);
    const all = await api('{ units(scope: { areaId: "568", geography: "KH-2021" }) { totalCount } }');
    expect(await page.getByText(`Đơn vị 1–25 trong ${vn.format(all.units.totalCount)}.`).count()).toBe(1);
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await page.getByText(`Đơn vị 26–50 trong ${vn.format(all.units.totalCount)}.`).waitFor();
    await page.getByRole('button', { name: 'Trang trước' }).click();
    await page.getByText(`Đơn vị 1–25 trong ${vn.format(all.units.totalCount)}.`).waitFor();
    // "khanh hoa" finds the names written "Khánh Hòa"
    await page.getByLabel('Tìm theo mã hoặc tên').fill('khanh hoa');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    const found = await api(
      '{ units(scope: { areaId: "568", geography: "KH-2021" }, filter: { search: "khanh hoa" }) { totalCount } }',
    );
    expect(found.units.totalCount).toBeGreaterThan(0);
    await page.getByText(`trong ${vn.format(found.units.totalCount)}.`).waitFor();
    for (const name of await table.locator('tbody th').allTextContents()) expect(name).toContain('Khánh Hòa');
    // not yet contacted on that day
    await page.getByLabel('Tìm theo mã hoặc tên').fill('');
    await page.getByLabel('Chưa liên hệ').check();
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    const silent = await api(
      '{ units(scope: { areaId: "568" }, filter: { notContacted: true }, asOf: "2021-09-30") { totalCount } }',
    );
    await expect
      .poll(
        async () =>
          (await table.locator('tbody tr').count()) || (await page.getByText('Chưa có dữ liệu').count()),
      )
      .toBeGreaterThan(0);
    if (silent.units.totalCount > 0) {
      await page.getByText(`trong ${vn.format(silent.units.totalCount)}.`).waitFor();
    }
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/district-units.png'), fullPage: true });
    await page.close();
  });

  test('the day picker moves every figure and the URL; a deep link reloads to the same picture', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/areas/568`);
    await partsTotals(page).waitFor();
    const before = await headline(page);
    const day = page.getByLabel('Số liệu đến ngày');
    // The day is written dd/mm/yyyy whatever the browser's language; a day that does not exist is
    // named as such and moves nothing.
    expect(await day.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await day.fill('31/02/2021');
    expect(await page.getByRole('alert').textContent()).toContain('Không phải ngày hợp lệ');
    expect(page.url()).not.toContain('asOf');
    await day.fill('30/6/2021');
    await page.waitForURL(/asOf=2021-06-30/);
    await expect.poll(() => headline(page)).not.toBe(before);
    await day.blur();
    expect(await day.inputValue()).toBe('30/06/2021');
    const onTheDay = await headline(page);
    await page.reload();
    await partsTotals(page).waitFor();
    expect(await headline(page)).toBe(onTheDay);
    expect(await page.getByText('Số liệu đến ngày 30/06/2021').count()).toBe(1);
    const reloaded = page.getByLabel('Số liệu đến ngày');
    expect(await reloaded.inputValue()).toBe('30/06/2021');
    // Emptied and left, the field shows again the day the figures are for.
    await reloaded.fill('');
    await reloaded.blur();
    expect(await reloaded.inputValue()).toBe('30/06/2021');
    await page.getByRole('button', { name: 'Về hôm nay' }).click();
    await expect.poll(() => page.url()).not.toContain('asOf');
    await expect.poll(() => headline(page)).toBe(before);
    await page.close();
  });
});

describe.skipIf(!runBrowser)('the map of the province', () => {
  /** A rate as the dashboard writes it: 0.7012 → "70,1 %" (a space where the page has a no-break one). */
  const percent = (rate: number) =>
    `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate * 100)} %`;
  const mapOf = (page: import('playwright-core').Page) => page.getByRole('group', { name: /^Bản đồ / });
  /** Each area's link on the map: its accessible name (aria-label) and where it leads. */
  const mapLinks = (page: import('playwright-core').Page) =>
    mapOf(page)
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((a) => ({
          name: (a.getAttribute('aria-label') ?? '').replace(/\u00a0/g, ' '),
          href: a.getAttribute('href'),
        })),
      );
  type Part = {
    id: string;
    name: string;
    coverage: { target: number; activated: number; activationRate: number };
  };
  const partsOf = async (geography: string, day: string): Promise<Part[]> =>
    (
      await askAs(
        'admin',
        `{ areas(level: PROVINCE, geography: "${geography}") { children { id name
          coverage(asOf: "${day}") { target activated activationRate } } } }`,
      )
    ).areas[0].children;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  /** The province's page on a day, once its map is drawn, with every URL the page asked for. */
  const openMap = async (asOf: string) => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/?asOf=${asOf}`);
    await mapOf(page).getByRole('link').first().waitFor();
    return { page, requested };
  };

  test('on a 2021 day: the nine districts, each a link named with the API’s rate, that drills down; nothing from outside', async () => {
    const { page, requested } = await openMap('2021-07-31');
    const districts = await partsOf('KH-2021', '2021-07-31');
    expect(districts).toHaveLength(9);
    expect((await mapLinks(page)).sort(byName)).toEqual(
      districts
        .map((d) => ({
          name: `${d.name}: ${percent(d.coverage.activationRate)}`,
          href: `/areas/${d.id}?asOf=2021-07-31`,
        }))
        .sort(byName),
    );
    const panel = page.getByRole('region', { name: 'Bản đồ kích hoạt VssID theo huyện, thị xã, thành phố' });
    expect(await panel.textContent()).toContain('Chia lớp theo phân vị');
    expect(await panel.textContent()).toContain('thanglequoc/vietnamese-provinces-database (giấy phép MIT)');
    // Focus names the area and its counts beside it, as hover does.
    const nhaTrang = districts.find((d) => d.id === '568') as Part;
    await mapOf(page)
      .getByRole('link', { name: /^Thành phố Nha Trang: / })
      .focus();
    expect(await page.getByRole('tooltip').textContent()).toContain(
      `${vn.format(nhaTrang.coverage.activated)} / ${vn.format(nhaTrang.coverage.target)} người đã kích hoạt`,
    );
    await panel.screenshot({ path: path.join(repoRoot, 'screenshots/map-2021-1366.png') });
    // Enter on the focused area opens it, in the app (no page load: the session's query is not asked again).
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/areas/568?asOf=2021-07-31`);
    await page.getByRole('heading', { name: 'Thành phố Nha Trang – tổng quan' }).waitFor();
    // The boundaries are this server's own file, fetched when the map is drawn.
    expect(requested.some((url) => /\/assets\/khanh-hoa\.topo-[^/]+\.json$/.test(url))).toBe(true);
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    await page.close();
  });

  test('on a 2026 day: the 65 communes with the API’s figures, by rate and by persons not yet activated; whole at 390 px', async () => {
    const { page, requested } = await openMap('2026-06-30');
    const communes = await partsOf('KH-2025', '2026-06-30');
    expect(communes).toHaveLength(65);
    const named = (value: (c: Part) => string) =>
      communes
        .map((c) => ({
          name: `${c.name}: ${c.coverage.target === 0 ? 'Chưa có người tham gia' : value(c)}`,
          href: `/areas/${c.id}?asOf=2026-06-30`,
        }))
        .sort(byName);
    expect((await mapLinks(page)).sort(byName)).toEqual(named((c) => percent(c.coverage.activationRate)));
    // The former Ninh Thuận's communes have nobody insured in the demo data: their own fill and legend line.
    expect(communes.some((c) => c.coverage.target === 0)).toBe(true);
    expect(await page.locator('.map__legend').textContent()).toContain('Chưa có người tham gia');
    await page
      .getByRole('region', { name: /^Bản đồ kích hoạt VssID/ })
      .screenshot({ path: path.join(repoRoot, 'screenshots/map-2026-1366.png') });

    await page.getByRole('button', { name: 'Số người chưa kích hoạt' }).click();
    await page.waitForURL(/mapView=remaining/);
    await expect
      .poll(async () => (await mapLinks(page)).sort(byName))
      .toEqual(named((c) => `${vn.format(c.coverage.target - c.coverage.activated)} người chưa kích hoạt`));
    // From the views' buttons one Tab reaches "skip the map", which passes the 65 links at once.
    await page.getByRole('button', { name: 'Số người chưa kích hoạt' }).focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Bỏ qua bản đồ' });
    await expect.poll(() => skip.evaluate((a) => a === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())?.width).toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Xem số liệu dạng bảng');

    await page.setViewportSize({ width: 390, height: 844 });
    // Polled: on a loaded machine the page may still have the 1.366 px layout when first measured.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    const box = await mapOf(page).boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await page
      .getByRole('region', { name: /^Bản đồ kích hoạt VssID/ })
      .screenshot({ path: path.join(repoRoot, 'screenshots/map-2026-390.png') });
    // A click on a commune's shape (a point inside its fill, not its box's middle, which may be sea).
    const target = mapOf(page).getByRole('link', { name: /^Phường Nha Trang: / });
    await target.scrollIntoViewIfNeeded();
    const point = await target.locator('path').evaluate((shape: SVGPathElement) => {
      const box = shape.getBBox();
      const toScreen = shape.getScreenCTM() as DOMMatrix;
      for (let i = 1; i < 20; i++)
        for (let j = 1; j < 20; j++) {
          const inside = new DOMPoint(box.x + (box.width * i) / 20, box.y + (box.height * j) / 20);
          if (shape.isPointInFill(inside)) {
            const onScreen = inside.matrixTransform(toScreen);
            if (document.elementFromPoint(onScreen.x, onScreen.y) === shape) return [onScreen.x, onScreen.y];
          }
        }
      return null;
    });
    expect(point).not.toBeNull();
    await page.mouse.click(...(point as [number, number]));
    await page.waitForURL(`${server.url}/areas/22366?asOf=2026-06-30`);
    await page.getByRole('heading', { name: 'Phường Nha Trang – tổng quan' }).waitFor();
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!runBrowser)('a district’s people and obstacles', () => {
  const asOf = '2021-09-30';
  const sum = (rows: AnyData[], pick: (c: AnyData) => number) =>
    rows.reduce((n, r) => n + pick(r.coverage), 0);

  test('its officers add up to the district, each a link to their own page with the API’s figures', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/areas/568?asOf=${asOf}`);
    const officers = page.getByRole('region', { name: 'Cán bộ phụ trách và tiến độ các đơn vị' }).first();
    await officers.locator('tfoot tr').waitFor();
    const data = await askAs(
      'admin',
      `{ breakdown(by: STAFF, scope: { areaId: "568" }, asOf: "${asOf}") { key label coverage { target activated units } }
         coverage(scope: { areaId: "568" }, asOf: "${asOf}") { target activated units } }`,
    );
    const rows: AnyData[] = data.breakdown;
    expect(await officers.locator('tbody tr').count()).toBe(rows.length);
    // the breakdown partitions the district, so the footer is the district's own figures
    expect(sum(rows, (c) => c.activated)).toBe(data.coverage.activated);
    const footer = (await officers.locator('tfoot td').allInnerTexts()).map((c) =>
      c.replace(/\s+/g, ' ').trim(),
    );
    expect(footer[0]).toBe(vn.format(data.coverage.units));
    expect(footer[2]).toBe(vn.format(data.coverage.target));
    expect(footer[4]).toBe(vn.format(data.coverage.activated));
    // the best first, and a click opens the officer's page on the same day
    const best = [...rows]
      .filter((r) => r.key !== 'none')
      .sort(
        (a, b) => b.coverage.activated / b.coverage.target - a.coverage.activated / a.coverage.target,
      )[0] as AnyData;
    const firstRow = officers.locator('tbody tr').first();
    expect(await firstRow.locator('th').textContent()).toBe(best.label);
    await firstRow.getByRole('link').click();
    await page.waitForURL(`${server.url}/officers/${best.key}?asOf=${asOf}`);
    await page.getByRole('heading', { name: `Cán bộ ${best.label}` }).waitFor();
    const officer = await askAs(
      'admin',
      `{ staff(id: "${best.key}") { coverage(asOf: "${asOf}") { activated } } }`,
    );
    await expect
      .poll(() => page.locator('.tile--headline .tile__value').textContent())
      .toBe(vn.format(officer.staff.coverage.activated));
    await page.getByRole('region', { name: 'Lý do người tham gia chưa kích hoạt' }).first().waitFor();
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/officer-page.png'), fullPage: true });
    // the units table, filtered to that officer, counts what the API counts
    await page.goBack();
    const table = page.getByRole('region', { name: 'Danh sách đơn vị' });
    await table.locator('tbody tr').first().waitFor();
    await page
      .getByRole('form', { name: 'Tìm và lọc đơn vị' })
      .getByLabel('Cán bộ phụ trách')
      .selectOption(best.key);
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    const theirs = await askAs(
      'admin',
      `{ units(scope: { areaId: "568", staffId: "${best.key}" }, asOf: "${asOf}") { totalCount } }`,
    );
    await page.getByText(`trong ${vn.format(theirs.units.totalCount)}.`).waitFor();
    for (const name of await table.locator('tbody td a[href^="/officers/"]').allTextContents())
      expect(name).toBe(best.label);
    await page.close();
  });

  test('why persons are stuck: the reasons add up to those not yet activated; the goal line is drawn', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/areas/568?asOf=${asOf}`);
    const blockers = page.getByRole('region', { name: 'Lý do người tham gia chưa kích hoạt' }).first();
    await blockers.locator('figure svg').waitFor();
    await blockers.getByText('Xem số liệu dạng bảng').click();
    const data = await askAs(
      'admin',
      `{ blockers(scope: { areaId: "568" }, asOf: "${asOf}") { reason persons }
         coverage(scope: { areaId: "568" }, asOf: "${asOf}") { target activated } }`,
    );
    const stuck = data.coverage.target - data.coverage.activated;
    expect(((await blockers.locator('tfoot td').first().textContent()) ?? '').trim()).toBe(vn.format(stuck));
    const unknown = data.blockers.find((b: AnyData) => b.reason === 'UNKNOWN');
    const lastRow = blockers.locator('tbody tr').last();
    expect(await lastRow.locator('th').textContent()).toBe('Chưa ghi nhận lý do');
    expect(((await lastRow.locator('td').first().textContent()) ?? '').trim()).toBe(
      vn.format(unknown.persons),
    );
    // the districts' chart draws the demo goal (80 %) beside the district's own rate
    await page.locator('figure svg text', { hasText: 'Mục tiêu 80 %' }).waitFor();
    await blockers.screenshot({ path: path.join(repoRoot, 'screenshots/blockers.png') });
    await page.close();
  });

  test('the keyboard alone reaches the content and drills down', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/?geo=KH-2021`);
    await partsTotals(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tab on from the content until a district's link has the focus, then open it with Enter
    let href: string | null = null;
    for (let presses = 0; presses < 80 && !href?.startsWith('/areas/'); presses++) {
      await page.keyboard.press('Tab');
      href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    }
    expect(href).toMatch(/^\/areas\/\d+/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${href}`);
    await partsTotals(page).waitFor();
    await page.close();
  });
});

describe.skipIf(!runBrowser)('recording progress', () => {
  test('a district office pastes the Mẫu 01 forms it received; an unknown code stops it and is named; what the forms imply is said first', async () => {
    const district = await contextOf('huyen');
    const page = await district.newPage();
    // Two persons of one unit with no step at all: a form received counts them as registered,
    // approved and activated, which the page says before writing.
    const listed = await askAs(
      'huyen',
      '{ units(first: 20) { edges { node { persons(filter: { noStep: true }, first: 2) { edges { node { id } } } } } } }',
    );
    const unit = listed.units.edges.find((e: AnyData) => e.node.persons.edges.length === 2);
    const ids: string[] = unit.node.persons.edges.map((e: AnyData) => e.node.id);
    const codes: string[] = [];
    for (const id of ids)
      codes.push(
        (await askAs('huyen', `{ person(id: "${id}") { socialInsuranceCode } }`)).person.socialInsuranceCode,
      );
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Ghi nhận', exact: true }).click();
    const form = page.getByRole('form', { name: 'Mẫu 01 nhận được hoặc đã xác thực' });
    await form.getByLabel('Ngày', { exact: true }).fill('2021-10-01');
    await form.getByLabel('Mã số BHXH').fill([...codes, '9999999999'].join('\n'));
    await form.getByText('3 mã trong danh sách.').waitFor();
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    // In Vietnamese, like the rest of the page, with the code that stopped it.
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('Không có người lao động với mã 9999999999; chưa ghi nhận gì.');
    await form.getByLabel('Mã số BHXH').fill(codes.join('\n'));
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe(
        '2 người trong danh sách chưa có bước trước đó. Người chưa có bước trước sẽ được tính từ ngày này là đã đăng ký, đã phê duyệt và đã kích hoạt VssID. Chưa có gì được ghi.Vẫn ghi nhậnHủy',
      );
    await form.getByRole('button', { name: 'Vẫn ghi nhận' }).click();
    const status = form.getByRole('status');
    await status.waitFor();
    const [, written, unchanged] =
      /^Đã ghi nhận (\d+) người; (\d+) người đã có từ trước\.$/.exec((await status.textContent()) ?? '') ??
      [];
    expect(Number(written) + Number(unchanged)).toBe(2);
    for (const id of ids) {
      const { person } = await askAs('huyen', `{ person(id: "${id}") { steps { step date } } }`);
      const signed = person.steps.find((s: AnyData) => s.step === 'FORM_SIGNED');
      expect(signed.date <= '2021-10-01').toBe(true);
    }
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/record.png'), fullPage: true });
    await district.close();
  });

  test('a district office imports a steps file: every problem by row and column, then confirmed and in the history', async () => {
    const district = await contextOf('huyen');
    const page = await district.newPage();
    const listed = await askAs(
      'huyen',
      '{ units(first: 1, after: null) { edges { node { persons(first: 1) { edges { node { id } } } } } } }',
    );
    const id = listed.units.edges[0].node.persons.edges[0].node.id as string;
    const code = (await askAs('huyen', `{ person(id: "${id}") { socialInsuranceCode } }`)).person
      .socialInsuranceCode as string;
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Nhập dữ liệu', exact: true }).click();
    const form = page.getByRole('form', { name: 'Tải tệp lên' });
    await form.getByLabel('Loại dữ liệu').selectOption('steps');
    const file = (text: string) => ({ name: 'tien-do.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await form
      .getByLabel('Tệp')
      .setInputFiles(file(`mã số bhxh,bước,ngày\r\n${code},VERIFIED,31/02/2021\r\n`));
    await form.getByRole('button', { name: 'Kiểm tra' }).click();
    const problems = page.getByRole('region', { name: 'Các lỗi và cảnh báo theo dòng' });
    const row = problems.locator('tbody tr').first();
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(0, 3)).toEqual(['2', 'date', 'Lỗi']);
    expect(await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).count()).toBe(0);
    await form
      .getByLabel('Tệp')
      .setInputFiles(file(`mã số bhxh,bước,ngày\r\n${code},VERIFIED,05/10/2021\r\n`));
    await form.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/^Đã ghi: thêm \d+, cập nhật \d+, giữ nguyên \d+ bản ghi\.$/);
    const { person } = await askAs('huyen', `{ person(id: "${id}") { steps { step date } } }`);
    expect(person.steps.find((s: AnyData) => s.step === 'VERIFIED').date <= '2021-10-05').toBe(true);
    const history = page.getByRole('region', { name: 'Lịch sử nhập dữ liệu' }).first();
    await expect.poll(() => history.getByText('Đã ghi', { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/imports.png'), fullPage: true });
    await district.close();
  });

  test('an officer records a milestone on their unit’s page and sees it in the timeline', async () => {
    const officer = await contextOf('canbo');
    const page = await officer.newPage();
    const { units } = await askAs('canbo', '{ units(first: 1) { edges { node { id } } } }');
    const unitId = units.edges[0].node.id as string;
    await page.goto(`${server.url}/units/${unitId}`);
    const form = page.getByRole('form', { name: 'Ghi nhận mốc triển khai' });
    await form.getByLabel('Mốc').selectOption('EMPLOYEES_GUIDED');
    await form.getByLabel('Ngày', { exact: true }).fill('2021-08-02');
    await form.getByLabel('Ghi chú').fill('Hướng dẫn tại hội trường công ty');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/Đã hướng dẫn người lao động/);
    const { unit } = await askAs('canbo', `{ unit(id: "${unitId}") { milestones { milestone date note } } }`);
    const guided = unit.milestones.find((m: AnyData) => m.milestone === 'EMPLOYEES_GUIDED');
    expect(guided.date <= '2021-08-02').toBe(true);
    const timeline = page.getByRole('region', { name: 'Quá trình triển khai tại đơn vị' });
    await expect.poll(() => timeline.getByText('Đã hướng dẫn người lao động').count()).toBe(1);
    await officer.close();
  });
});

describe.skipIf(!runBrowser)('in English', () => {
  test('the switch turns every string and <html lang> to English, and back, and stays across pages', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/areas/568`);
    await partsTotals(page).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Thành phố Nha Trang – overview' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'Figures by commune' }).count()).toBe(1);
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/district-en.png'), fullPage: false });
    await page.goto(`${server.url}/?geo=KH-2021`);
    await partsTotals(page).waitFor();
    expect(await page.getByRole('heading', { name: 'Figures by district' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Số liệu theo huyện, thị xã, thành phố' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.close();
  });
});

describe.skipIf(!runBrowser)('GraphiQL for analysts', () => {
  test('opens with example queries that run against this server, loading nothing from outside', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/graphiql`);
    await expect.poll(() => page.getByText('Districts', { exact: true }).count()).toBeGreaterThan(0);
    // The editor loads its workers first; under load a click can come before it listens, so the
    // poll presses Run again for as long as the result pane stays empty.
    const result = page.locator('.result-window');
    await expect
      .poll(
        async () => {
          // biome-ignore lint/performance/useDomNodeTextContent: Playwright locator, not a DOM node
          const text = await result.innerText();
          if (!text.trim()) await page.locator('.graphiql-execute-button').click();
          return text;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toContain('"unitsContacted"');
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });

  test('is only for signed-in accounts: anyone else is sent to sign in first', async () => {
    const response = await fetch(`${server.url}/graphiql`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=/graphiql');
  });
});

describe.skipIf(!runBrowser)('every page of every test above', () => {
  test('logged no console error and threw nothing', () => {
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });
});

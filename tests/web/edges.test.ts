import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Dashboard, runBrowser, startDashboard } from '../helpers/browser.ts';
import type { AnyData } from '../helpers/graphql.ts';
import { repoRoot, signIn } from '../helpers/processes.ts';

/*
 * The dashboard at its edges, as each role meets them on the demo data (whose last activity is in
 * 2022): up to which day there is data, addresses that name nothing or something out of reach, days
 * that do not exist or lie ahead, what lies after the day a unit's page shows, and a session that
 * ends mid-use. In Vietnamese, nothing of the server's English may show.
 */

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let browser: Browser;
let password: string;

beforeAll(async () => {
  if (!runBrowser) return;
  dashboard = await startDashboard('edges');
  ({ server, password, browser } = dashboard);
});
afterAll(() => dashboard?.close());

async function contextOf(
  username: string,
  options: { width?: number; english?: boolean } = {},
): Promise<BrowserContext> {
  const cookie = await signIn(server.url, username, password);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: 900 },
    locale: 'vi-VN',
  });
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  if (options.english) await context.addInitScript(() => localStorage.setItem('vssid.language', 'en'));
  return context;
}

async function ask(username: string, query: string): Promise<AnyData> {
  const cookie = await signIn(server.url, username, password);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: AnyData }).data;
}

/** Words of the server's English messages that never belong in the Vietnamese interface. */
const SERVER_ENGLISH =
  /does not exist|outside (what|your)|argument|account may|must be|is not a|Only an ADMIN|social-insurance|cannot disable/i;

async function mainText(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.state--loading').count()).toBe(0);
  return (await page.locator('main').textContent()) ?? '';
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(repoRoot, `screenshots/${name}.png`), fullPage: true });

describe.skipIf(!runBrowser)('up to which day', () => {
  test('a page of today, long after the data stopped, says up to which day there is data and offers it in one click', async () => {
    const last = (await ask('huyen', '{ lastActivity(scope: { areaId: "568", geography: "KH-2021" }) }'))
      .lastActivity as string;
    expect(last).toMatch(/^2022-/);
    const [y, m, d] = last.split('-');
    const context = await contextOf('huyen');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const notice = page.locator('.as-of__freshness--quiet');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      `Không có hoạt động nào được ghi nhận trong 90 ngày trước ngày đang xem; lần ghi nhận cuối cùng là ngày ${d}/${m}/${y}.`,
    );
    await shot(page, 'edges-quiet-1366');
    await page.getByRole('button', { name: `Xem số liệu ngày ${d}/${m}/${y}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe(last);
    await expect
      .poll(() => page.locator('.as-of__freshness').textContent())
      .toBe(`Dữ liệu được ghi nhận đến ngày ${d}/${m}/${y}.`);
    expect(await page.locator('.as-of__freshness--quiet').count()).toBe(0);
    await context.close();
  });
});

describe.skipIf(!runBrowser)('addresses that name nothing, or something out of reach', () => {
  const cases: [who: string, address: string, heading: string][] = [
    ['huyen', '/areas/573', 'Địa bàn này nằm ngoài phạm vi của tài khoản'],
    ['huyen', '/areas/99999', 'Không tìm thấy địa bàn 99999'],
    ['huyen', '/units/ZZ9999X', 'Không tìm thấy đơn vị ZZ9999X'],
    ['tinh', '/officers/CB9999', 'Không tìm thấy cán bộ CB9999'],
    ['canbo', '/areas/568', 'Địa bàn này nằm ngoài phạm vi của tài khoản'],
    ['coso', '/offices/BHXH-573', 'Cơ quan BHXH này nằm ngoài phạm vi của tài khoản'],
    ['tinh', '/offices/BHXH-0', 'Không tìm thấy cơ quan BHXH BHXH-0'],
  ];

  test.each(cases)(
    '%s opening %s reads "%s", with a way back, in Vietnamese only',
    async (who, address, heading) => {
      const context = await contextOf(who);
      const page = await context.newPage();
      await page.goto(`${server.url}${address}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const text = await mainText(page);
      expect(text).not.toMatch(SERVER_ENGLISH);
      expect(text).not.toContain('Chưa có dữ liệu');
      expect(await page.getByRole('link', { name: 'Về trang tổng quan', exact: true }).count()).toBe(1);
      await context.close();
    },
  );

  test('the same page at 390 px and in English', async () => {
    const phone = await contextOf('huyen', { width: 390 });
    const page = await phone.newPage();
    await page.goto(`${server.url}/areas/573`);
    await page
      .getByRole('heading', { level: 1, name: 'Địa bàn này nằm ngoài phạm vi của tài khoản' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'edges-outside-390');
    await phone.close();
    const english = await contextOf('huyen', { english: true });
    const en = await english.newPage();
    await en.goto(`${server.url}/units/ZZ9999X`);
    await en.getByRole('heading', { level: 1, name: 'There is no unit ZZ9999X' }).waitFor();
    await english.close();
  });
});

describe.skipIf(!runBrowser)('days that do not exist or lie ahead', () => {
  test.each([
    [
      '2021-02-30',
      'Địa chỉ ghi ngày «2021-02-30», không phải một ngày có thật: trang đang hiển thị số liệu hôm nay.',
    ],
    ['abc', 'Địa chỉ ghi ngày «abc», không phải một ngày có thật: trang đang hiển thị số liệu hôm nay.'],
    [
      '2030-01-01',
      /^Ngày 01\/01\/2030 là ngày trong tương lai \(hôm nay là \d\d\/\d\d\/\d{4}\): trang đang hiển thị số liệu hôm nay\.$/,
    ],
  ])('?asOf=%s is named as such and the page shows a real day', async (raw, words) => {
    const context = await contextOf('tinh');
    const page = await context.newPage();
    await page.goto(`${server.url}/?asOf=${raw}`);
    const alert = page.locator('.notice--warning');
    await alert.waitFor();
    const text = ((await alert.locator('p').textContent()) ?? '').trim();
    if (typeof words === 'string') expect(text).toBe(words);
    else expect(text).toMatch(words);
    // The heading is today's, not 2030's.
    expect(await page.locator('.page-heading__subtitle').first().textContent()).not.toContain('2030');
    await page.getByRole('button', { name: 'Bỏ ngày này khỏi địa chỉ' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('asOf')).toBe(false);
    await expect.poll(() => page.locator('.notice--warning').allTextContents()).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!runBrowser)('a page true to its day', () => {
  test('a unit’s milestones after the day shown are marked as later, and its funnel has no units tile', async () => {
    const units = (await ask(
      'huyen',
      '{ units(scope: { areaId: "568", geography: "KH-2021" }, first: 100) { edges { node { id milestones { date } } } } }',
    )) as { units: { edges: { node: { id: string; milestones: { date: string }[] } }[] } };
    const unit = units.units.edges
      .map((e) => e.node)
      .find((u) => u.milestones.length >= 2 && u.milestones[0]?.date !== u.milestones.at(-1)?.date);
    expect(unit).toBeDefined();
    const first = unit?.milestones[0]?.date as string;
    const later = unit?.milestones.filter((m) => m.date > first).length ?? 0;
    const context = await contextOf('huyen');
    const page = await context.newPage();
    await page.goto(`${server.url}/units/${unit?.id}?asOf=${first}`);
    await page.locator('.timeline li').first().waitFor();
    expect(
      await page.locator('.timeline__later .badge', { hasText: 'Sau ngày đang xem' }).count(),
    ).toBeGreaterThanOrEqual(later);
    expect(await page.getByText('Đơn vị đã liên hệ', { exact: true }).count()).toBe(0);
    await shot(page, 'edges-unit-later');
    await context.close();
  });
});

describe.skipIf(!runBrowser)('a session that ends mid-use', () => {
  test('says so on the login page and returns to the same address, its day included', async () => {
    const context = await contextOf('tinh');
    const page = await context.newPage();
    await page.goto(`${server.url}/areas/568?asOf=2021-09-30`);
    await page.locator('.tiles').first().waitFor();
    // The session ends elsewhere (signed out in another tab): the next question is refused.
    const [cookie] = await context.cookies();
    await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie: `${cookie?.name}=${cookie?.value}`, 'content-type': 'application/json' },
    });
    const day = page.getByLabel('Số liệu đến ngày', { exact: true });
    await day.fill('2021-08-31');
    // The change may already have sent the page to sign in; if not, Enter commits it.
    await day.press('Enter', { timeout: 2_000 }).catch(() => undefined);
    await page.waitForURL((url) => url.pathname === '/login');
    await page
      .getByText('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để quay về đúng trang đang xem.')
      .waitFor();
    await page.fill('#login-username', 'tinh');
    await page.fill('input[type=password]', password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/areas/568');
    expect(new URL(page.url()).searchParams.get('asOf')).toMatch(/^2021-0[89]-3[01]$/);
    await context.close();
  });
});

describe.skipIf(!runBrowser)('an officer records why a person is stuck', () => {
  test('from the unit’s list of employees not yet activated, the reason picked from the list, with a note', async () => {
    const data = (await ask(
      'canbo',
      `{ units(scope: {}, first: 10) { edges { node { id
          persons(filter: { notActivated: true }, first: 20) { edges { node { id fullName blocker { reason } } } } } } } }`,
    )) as AnyData;
    let unitId = '';
    let person: { id: string; fullName: string } | undefined;
    for (const { node } of data.units.edges) {
      person = node.persons.edges.map((e: AnyData) => e.node).find((p: AnyData) => p.blocker === null);
      if (person) {
        unitId = node.id;
        break;
      }
    }
    expect(person).toBeDefined();
    const name = person?.fullName as string;
    for (const width of [1366, 390]) {
      const context = await contextOf('canbo', { width });
      const page = await context.newPage();
      await page.goto(`${server.url}/units/${unitId}`);
      // The filter lives in the address: the box shows checked once the page's address says so.
      const onlyStuck = page.getByLabel('Chỉ người chưa kích hoạt');
      await onlyStuck.click();
      await expect.poll(() => onlyStuck.isChecked()).toBe(true);
      expect(new URL(page.url()).searchParams.get('n.na')).toBe('1');
      const open = page.getByRole('button', { name: `Ghi lý do chưa kích hoạt của ${name}` });
      await open.first().waitFor();
      if (width === 390) {
        await open.first().click();
        await page.getByRole('form', { name: `Ghi lý do chưa kích hoạt của ${name}` }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page
          .getByRole('form', { name: `Ghi lý do chưa kích hoạt của ${name}` })
          .scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(repoRoot, 'screenshots/edges-blocker-form-390.png') });
        await context.close();
        continue;
      }
      await open.first().click();
      const form = page.getByRole('form', { name: `Ghi lý do chưa kích hoạt của ${name}` });
      await form.getByLabel('Lý do').selectOption({ label: 'Sai số điện thoại' });
      await form.getByLabel('Ghi chú').fill('Số đăng ký là số cũ của công ty');
      await form.getByRole('button', { name: 'Ghi nhận' }).click();
      await page.getByText(`Đã ghi lý do của ${name}: Sai số điện thoại.`).waitFor();
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByText('Sai số điện thoại')
        .first()
        .waitFor();
      await shot(page, 'edges-blocker-recorded');
      await context.close();
    }
    const after = (await ask(
      'canbo',
      `{ unit(id: "${unitId}") { persons(filter: { blocker: WRONG_PHONE }, first: 200) { edges { node { id blocker { note } } } } } }`,
    )) as AnyData;
    const recorded = after.unit.persons.edges.find((e: AnyData) => e.node.id === person?.id);
    expect(recorded?.node.blocker.note).toBe('Số đăng ký là số cũ của công ty');
  });

  test('the record page tells the officer what it may record, and where', async () => {
    const context = await contextOf('canbo');
    const page = await context.newPage();
    await page.goto(`${server.url}/record`);
    await page.getByRole('heading', { name: 'Tài khoản này ghi nhận được' }).waitFor();
    const text = await mainText(page);
    expect(text).toContain('Mốc triển khai của đơn vị');
    expect(text).toContain('Lý do người lao động chưa kích hoạt');
    expect(text).not.toContain('chỉ xem số liệu');
    await context.close();
  });

  test('the trend’s axes are whole numbers, each tick once', async () => {
    const context = await contextOf('canbo');
    const page = await context.newPage();
    await page.goto(`${server.url}/?asOf=2021-08-15`);
    const chart = page.locator('figure.chart').first();
    await chart.locator('.recharts-cartesian-axis-tick-label').first().waitFor();
    // The numbers of each vertical axis: the labels that share one x (the dates are the other axis).
    const axes = await chart.evaluate((figure) => {
      const byX = new Map<string, string[]>();
      for (const label of figure.querySelectorAll('.recharts-cartesian-axis-tick-label text')) {
        const text = label.textContent ?? '';
        if (text.includes('/')) continue;
        const x = label.getAttribute('x') ?? '';
        byX.set(x, [...(byX.get(x) ?? []), text]);
      }
      return [...byX.values()];
    });
    expect(axes.length).toBe(2);
    for (const ticks of axes) {
      expect(ticks.length).toBeGreaterThan(1);
      expect(new Set(ticks).size, ticks.join(', ')).toBe(ticks.length);
      for (const tick of ticks) expect(tick).toMatch(/^\d{1,3}(\.\d{3})*$/);
    }
    await context.close();
  });
});

describe.skipIf(!runBrowser)('no server English in the Vietnamese interface', () => {
  // Each role, at the pages where a refusal can meet it: another area, an unknown code, a page
  // not for its role, a day that does not exist.
  const ROLES = ['admin', 'tinh', 'phantich', 'huyen', 'coso', 'canbo'];
  const PAGES = [
    '/areas/573',
    '/units/ZZ9999X',
    '/officers/CB9999',
    '/admin/accounts',
    '/imports',
    '/?asOf=abc',
  ];

  test.each(ROLES)('%s meets every refusal in Vietnamese', async (who) => {
    const context = await contextOf(who);
    const page = await context.newPage();
    for (const address of PAGES) {
      await page.goto(`${server.url}${address}`);
      await page.locator('h1').first().waitFor();
      expect(await mainText(page), `${who} at ${address}`).not.toMatch(SERVER_ENGLISH);
    }
    await context.close();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { foldForSearch } from '../../api/src/lib/search.ts';
import { type Dashboard, runBrowser, startDashboard } from '../helpers/browser.ts';
import type { AnyData } from '../helpers/graphql.ts';
import { repoRoot, signIn } from '../helpers/processes.ts';

/*
 * The header's search and the account's own page, in Vietnamese, in Debian's Chromium on the demo
 * data: a unit found by its name typed without diacritics and opened with the keyboard, on a laptop
 * (1366 px) and on a phone (390 px, where the field opens from its button); one's own password
 * changed, which ends the account's other session; one's own API token, shown once.
 */

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let password: string;
const shots = path.join(repoRoot, 'screenshots');

beforeAll(async () => {
  if (!runBrowser) return;
  dashboard = await startDashboard('search');
  ({ server, password } = dashboard);
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(() => dashboard?.close());

async function ask(cookie: string, query: string): Promise<AnyData> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: AnyData }).data;
}

async function contextOf(cookie: string, width: number, height: number): Promise<BrowserContext> {
  const [name, value] = cookie.split('=') as [string, string];
  const context = await (dashboard as Dashboard).browser.newContext({
    viewport: { width, height },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: width < 500,
    hasTouch: width < 500,
  });
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

/** A unit of the district head's whose name has diacritics, so that typing it plain means something. */
async function accentedUnit(cookie: string): Promise<{ code: string; name: string }> {
  const data = await ask(cookie, '{ units(first: 100, orderBy: NAME) { edges { node { code name } } } }');
  const units = data.units.edges.map((e: AnyData) => e.node) as { code: string; name: string }[];
  const unit = units.find((u) => foldForSearch(u.name) !== u.name.toLowerCase());
  if (!unit) throw new Error('the demo data has no unit with an accented name');
  return unit;
}

/** Types `text` in the combobox, moves to the option of `code` with the arrow keys and opens it with Enter. */
async function findAndOpen(page: Page, text: string, code: string, shot: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Tìm đơn vị, cán bộ, địa bàn' });
  await box.fill(text);
  const listbox = page.getByRole('listbox', { name: 'Tìm đơn vị, cán bộ, địa bàn' });
  const option = listbox.getByRole('option').filter({ hasText: code });
  await option.first().waitFor();
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  expect(await listbox.getByRole('group', { name: 'Đơn vị' }).count()).toBe(1);
  const ids = await listbox.getByRole('option').evaluateAll((nodes) => nodes.map((n) => n.id));
  const wanted = await option.first().getAttribute('id');
  for (let i = 0; i <= ids.indexOf(wanted as string); i++) await box.press('ArrowDown');
  expect(await box.getAttribute('aria-activedescendant')).toBe(wanted);
  expect(await option.first().getAttribute('aria-selected')).toBe('true');
  await page.screenshot({ path: path.join(shots, shot) });
  await box.press('Enter');
  await page.waitForURL(new RegExp(`/units/${code}$`));
}

describe.skipIf(!runBrowser)('the header’s search', () => {
  test('at 1366 px a district head finds a unit by its name without diacritics and opens it with the keyboard', async () => {
    const cookie = await signIn(server.url, 'huyen', password);
    const unit = await accentedUnit(cookie);
    const context = await contextOf(cookie, 1366, 900);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Tìm đơn vị, cán bộ, địa bàn' });
    // One letter asks nothing and says why; Escape closes the list.
    await box.fill('n');
    await expect.poll(() => page.getByText('Gõ ít nhất 2 ký tự.').count()).toBe(1);
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await findAndOpen(page, foldForSearch(unit.name), unit.code, 'search-1366.png');
    await page.getByRole('heading', { level: 1, name: new RegExp(unit.name) }).waitFor();
    await context.close();
  });

  test('the province finds “cam ranh” among areas and “nguyen kim” among officers, grouped, with the code', async () => {
    const cookie = await signIn(server.url, 'tinh', password);
    const context = await contextOf(cookie, 1366, 900);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Tìm đơn vị, cán bộ, địa bàn' });
    await box.fill('cam ranh');
    const areas = page.getByRole('group', { name: 'Địa bàn' });
    await areas.getByRole('option').first().waitFor();
    expect(await areas.getByRole('option').first().textContent()).toMatch(/Cam Ranh[\s\S]*\d{5}/);
    await page.screenshot({ path: path.join(shots, 'search-areas-1366.png') });
    await box.fill('nguyen kim');
    const officers = page.getByRole('group', { name: 'Cán bộ' });
    await officers.getByRole('option').first().waitFor();
    expect(await officers.getByRole('option').first().textContent()).toMatch(/Nguyễn.*Kim/);
    await context.close();
  });

  test('at 390 px the field opens from its button, and the unit opens the same way', async () => {
    const cookie = await signIn(server.url, 'huyen', password);
    const unit = await accentedUnit(cookie);
    const context = await contextOf(cookie, 390, 844);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Tìm đơn vị, cán bộ, địa bàn' });
    await page.getByRole('button', { name: 'Tìm kiếm' }).waitFor();
    expect(await box.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => box.isVisible()).toBe(true);
    // Nothing of the header is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await findAndOpen(page, foldForSearch(unit.name), unit.code, 'search-390.png');
    await page.getByRole('heading', { level: 1, name: new RegExp(unit.name) }).waitFor();
    await page.screenshot({ path: path.join(shots, 'unit-390.png') });
    await context.close();
  });
});

describe.skipIf(!runBrowser)('one’s own account', () => {
  test('an analyst creates an API token of their own, shown once with a copy button, and finds GraphiQL', async () => {
    const cookie = await signIn(server.url, 'phantich', password);
    const context = await contextOf(cookie, 1366, 900);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /Trình đơn tài khoản/ }).click();
    expect(await page.getByRole('link', { name: 'GraphiQL: truy vấn API' }).getAttribute('href')).toBe(
      '/graphiql',
    );
    await page.getByRole('link', { name: 'Mật khẩu và token API' }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole('button', { name: 'Tạo token' }).click();
    const secret = page.locator('.notice__secret');
    await secret.waitFor();
    const token = (await secret.textContent()) ?? '';
    expect(token).toMatch(/^vss_[0-9a-f]{8}_/);
    expect(await page.getByRole('button', { name: 'Sao chép token' }).count()).toBe(1);
    const check = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(((await check.json()) as AnyData).data.me.username).toBe('phantich');
    await page.screenshot({ path: path.join(shots, 'own-token.png'), fullPage: true });
    await context.close();
  });

  test('an officer changes their own password in Vietnamese; their other session ends, this one goes on', async () => {
    const cookie = await signIn(server.url, 'canbo', password);
    const elsewhere = await signIn(server.url, 'canbo', password);
    const context = await contextOf(cookie, 1366, 900);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /Trình đơn tài khoản/ }).click();
    // GraphiQL is for those whose work is querying.
    expect(await page.getByRole('link', { name: 'GraphiQL: truy vấn API' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Mật khẩu và token API' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    const current = page.getByLabel('Mật khẩu hiện tại');
    const next = page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)');
    const again = page.getByLabel('Nhập lại mật khẩu mới');
    const submit = page.getByRole('button', { name: 'Đổi mật khẩu' });

    // Too short: said before anything is sent.
    await current.fill(password);
    await next.fill('ngắn');
    await again.fill('ngắn');
    await submit.click();
    await page.getByText('Mật khẩu mới phải có ít nhất 10 ký tự.').waitFor();
    // A wrong current password: the server's refusal, in the dashboard's words, beside its field.
    await current.fill('không phải mật khẩu');
    await next.fill('mật khẩu mới của cán bộ');
    await again.fill('mật khẩu mới của cán bộ');
    await submit.click();
    await page.getByText('Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi.').waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(shots, 'password-refused.png'), fullPage: true });

    await current.fill(password);
    await submit.click();
    await page.getByText(/Đã đổi mật khẩu\. Các phiên đăng nhập khác/).waitFor();
    await page.screenshot({ path: path.join(shots, 'password-changed.png'), fullPage: true });
    const sessionOf = async (c: string) =>
      ((await (await fetch(`${server.url}/auth/session`, { headers: { cookie: c } })).json()) as AnyData)
        .user;
    expect(await sessionOf(elsewhere)).toBeNull();
    expect(await sessionOf(cookie)).toMatchObject({ username: 'canbo' });
    await signIn(server.url, 'canbo', 'mật khẩu mới của cán bộ');
    // The page goes on drawing after the change (a clean-up that was not a function once blanked it).
    await page.reload();
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an administrator sets another account’s password with a form of two fields, and is told it is done', async () => {
    const cookie = await signIn(server.url, 'admin', password);
    const context = await contextOf(cookie, 1366, 900);
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/accounts`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^tinh/ }) });
    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const form = page.getByRole('form', { name: 'Đặt mật khẩu mới cho tinh' });
    await form.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill('mật khẩu mới của tỉnh');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('mật khẩu khác hẳn');
    await form.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await form.getByText('Hai lần nhập mật khẩu mới không khớp.').waitFor();
    await form.getByLabel('Nhập lại mật khẩu mới').fill('mật khẩu mới của tỉnh');
    await page.screenshot({ path: path.join(shots, 'reset-password-form.png') });
    await form.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã đặt mật khẩu mới cho tinh' }).waitFor();
    expect(await form.count()).toBe(0);
    await signIn(server.url, 'tinh', 'mật khẩu mới của tỉnh');
    await page.screenshot({ path: path.join(shots, 'reset-password-done.png') });
    await context.close();
  });
});

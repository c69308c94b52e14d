import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Dashboard, runBrowser, startDashboard } from '../helpers/browser.ts';
import type { AnyData } from '../helpers/graphql.ts';
import { repoRoot, signIn } from '../helpers/processes.ts';
import { docxBody, readWorkbook, sheetTable } from '../helpers/report-files.ts';

/*
 * The report page in Debian's Chromium: the preview shows the API's figures the Vietnamese way, a
 * download gives the same figures, and a district head publishes and then finds the report listed.
 */

const vn = new Intl.NumberFormat('vi-VN');

let browser: Browser;
let password: string;
let server: Dashboard['server'];
let dashboard: Dashboard | undefined;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!runBrowser) return;
  dashboard = await startDashboard('web-reports');
  ({ server, password, browser } = dashboard);
});
afterAll(() => dashboard?.close());

async function askAs(username: string, query: string): Promise<AnyData> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(server.url, username, password) },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: AnyData }).data;
}

async function contextOf(username: string): Promise<BrowserContext> {
  const cookie = await signIn(server.url, username, password);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on('weberror', (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

/** The cells of the preview's summary row that starts with `label`. */
const summaryRow = (page: import('playwright-core').Page, label: string) =>
  page.getByRole('region', { name: 'Kết quả chung' }).locator('tr', { hasText: label }).first();

describe.skipIf(!runBrowser)('the report page', () => {
  test('previews the province’s report with the API’s figures, and the downloaded workbook has them too', async () => {
    const context = await contextOf('tinh');
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/`);
    // The header's link opens the report on the day being viewed: today, on the province.
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await page.waitForURL(`${server.url}/reports?asOf=${today}`);
    await page.getByLabel('Số liệu đến ngày', { exact: true }).fill('2021-09-30');
    await expect
      .poll(() => page.getByLabel('So sánh với ngày', { exact: true }).inputValue())
      .toBe('31/08/2021');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.waitForURL(/asOf=2021-09-30/);
    const data = await askAs(
      'tinh',
      '{ now: coverage(asOf: "2021-09-30") { activated target } before: coverage(asOf: "2021-08-31") { activated } }',
    );
    const row = summaryRow(page, 'Đã cài đặt, đăng nhập VssID');
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
    expect(cells.slice(0, 3)).toEqual([
      vn.format(data.before.activated),
      vn.format(data.now.activated),
      `+${vn.format(data.now.activated - data.before.activated)}`,
    ]);
    expect(cells[3]).toMatch(/^\d{1,3},\d %$/);
    expect(await page.getByText('Tính đến ngày 30/09/2021, trên địa bàn tỉnh Khánh Hòa').count()).toBe(1);
    // The province account may publish; the button is there.
    expect(await page.getByRole('button', { name: 'Phát hành', exact: true }).count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo dạng XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Báo cáo VssID – Tỉnh Khánh Hòa – 30-09-2021.xlsx');
    const file = await download.path();
    const districts = sheetTable(await readWorkbook(fs.readFileSync(file)), 'Theo huyện');
    expect(districts.rows.get('Tổng cộng')?.[districts.header.indexOf('Đã kích hoạt')]?.value).toBe(
      data.now.activated,
    );
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    fs.mkdirSync(path.join(repoRoot, 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/reports.png'), fullPage: true });
    await context.close();
  });

  test('a district head reports on their district, publishes, and finds the report listed; an analyst may not publish', async () => {
    const context = await contextOf('huyen');
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/reports?asOf=2021-09-30`);
    // The form appears once the page knows who is signed in: wait for it rather than read it at once.
    await expect
      .poll(() => page.getByLabel('Địa bàn').locator('option').allInnerTexts())
      .toEqual(['Thành phố Nha Trang']);
    await summaryRow(page, 'Đã cài đặt, đăng nhập VssID').waitFor();
    expect(await page.getByText('Kết quả theo xã, phường, thị trấn').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Phát hành', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContain('Đã phát hành báo cáo số 1/BC-BHXH.');
    const listed = page.getByRole('region', { name: 'Báo cáo đã phát hành' }).locator('tbody tr');
    await expect.poll(() => listed.first().textContent()).toContain('1/BC-BHXH');
    await page.getByRole('button', { name: 'Xem thay đổi' }).click();
    await expect.poll(() => page.getByText('Không có thay đổi so với số liệu đã báo cáo.').count()).toBe(1);
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/reports-district.png'), fullPage: true });
    await context.close();

    const analyst = await contextOf('phantich');
    const analystPage = await analyst.newPage();
    await analystPage.goto(`${server.url}/reports?asOf=2021-09-30`);
    await summaryRow(analystPage, 'Đã cài đặt, đăng nhập VssID').waitFor();
    expect(await analystPage.getByRole('button', { name: 'Phát hành', exact: true }).count()).toBe(0);
    await analyst.close();
    expect(consoleErrors).toEqual([]);
  });

  test('notes written on the form show in the preview, go into the downloaded file and survive a reload; a future day is refused in Vietnamese', async () => {
    const context = await contextOf('tinh');
    const page = await context.newPage();
    await page.goto(`${server.url}/reports`);
    await page.getByLabel('Số liệu đến ngày', { exact: true }).fill('2021-09-30');
    await page
      .getByLabel('Nội dung bổ sung (không bắt buộc)')
      .fill('# Tồn tại, hạn chế\nMột số đơn vị chưa phối hợp.\n# Kiến nghị\nĐề nghị tăng cường chỉ đạo.');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: 'III. TỒN TẠI, HẠN CHẾ' }).waitFor();
    expect(await page.getByRole('heading', { name: 'IV. KIẾN NGHỊ' }).count()).toBe(1);
    // With notes, the file is asked for by a form post (an address could not hold them).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo dạng DOCX' }).click(),
    ]);
    const { text } = await docxBody(fs.readFileSync(await download.path()));
    expect(text.replace(/\s+/g, ' ')).toContain('IV. KIẾN NGHỊ Đề nghị tăng cường chỉ đạo.');
    // A reload of the tab loses neither the notes written nor the preview made with them.
    await page.reload();
    await page.getByRole('heading', { name: 'IV. KIẾN NGHỊ' }).waitFor();
    expect(await page.getByLabel('Nội dung bổ sung (không bắt buộc)').inputValue()).toContain(
      'Đề nghị tăng cường chỉ đạo.',
    );
    await page.screenshot({ path: path.join(repoRoot, 'screenshots/reports-notes.png'), fullPage: true });
    // A day the address names that lies in the future: said in the dashboard's words.
    await page.goto(`${server.url}/reports?asOf=2099-01-01`);
    await expect
      .poll(() =>
        page
          .getByText(
            /Ngày 01\/01\/2099 là ngày trong tương lai \(hôm nay là \d\d\/\d\d\/\d{4}\): chưa có số liệu\./,
          )
          .count(),
      )
      .toBe(1);
    await context.close();
  });
});

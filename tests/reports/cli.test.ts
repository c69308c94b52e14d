import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScratchPostgres, onPostgres } from '../helpers/database.ts';
import { runCli } from '../helpers/processes.ts';
import { docxBody, pdfText, readWorkbook, sheetTable } from '../helpers/report-files.ts';

/*
 * `pnpm cli report` exactly as the contract writes it, and publish / list / diff / get beside it, run
 * as child processes on a database of their own.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-report-'));
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | undefined;
const out = (name: string) => path.join(dataDir, name);

beforeAll(async () => {
  if (onPostgres) {
    const scratch = await createScratchPostgres(process.env.DATABASE_URL as string);
    env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir };
    dropDatabase = scratch.drop;
  } else {
    env = { DATABASE_URL: '', DATA_DIR: dataDir };
  }
  const seeded = await runCli(['seed', '--scale', 'tiny', '--seed', '5'], env);
  expect(seeded.code, seeded.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each command is a process that opens the database: on a loaded two-core machine, tens of seconds.
describe('pnpm cli report', { timeout: 300_000 }, () => {
  test('writes the report of an area as of a day, compared with another, in the format asked', async () => {
    const result = await runCli(
      [
        'report',
        '--as-of',
        '2021-09-30',
        '--compare',
        '2021-08-31',
        '--area',
        '568',
        '--format',
        'xlsx',
        '--out',
        out('nt.xlsx'),
      ],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Thành phố Nha Trang as of 30/09/2021 (compared with 31/08/2021)');
    const coverage = await runCli(['coverage', '--area', '568', '--as-of', '2021-09-30'], env);
    const activated = /activated\s+([\d.]+)/.exec(coverage.stdout)?.[1] as string;
    const summary = sheetTable(await readWorkbook(fs.readFileSync(out('nt.xlsx'))), 'Theo xã');
    expect(summary.rows.get('Tổng cộng')?.[summary.header.indexOf('Đã kích hoạt')]?.value).toBe(
      Number(activated.replaceAll('.', '')),
    );
  });

  test('refuses an impossible day, a day with nothing to count, a comparison day not before it and an unknown area, in both languages, with exit status 1', async () => {
    for (const [args, ...messages] of [
      [['--as-of', '2021-02-30'], '"2021-02-30" is not a real day'],
      [
        ['--as-of', '2021-09-30', '--compare', '2021-10-01'],
        `The comparison day "compare" (2021-10-01) is not before the report's day "asOf" (2021-09-30)`,
        'Ngày so sánh 01/10/2021 phải trước ngày báo cáo 30/09/2021.',
      ],
      [['--as-of', '2021-09-30', '--compare', '2021-09-30'], "is not before the report's day"],
      [
        ['--as-of', '2020-01-31'],
        '"asOf" (2020-01-31) is before the first recorded activity (',
        'Ngày báo cáo 31/01/2020 trước ngày đầu tiên có hoạt động được ghi nhận (',
      ],
      [
        ['--as-of', '2099-01-01'],
        '"asOf" (2099-01-01) is after today (',
        'Ngày báo cáo 01/01/2099 là ngày trong tương lai',
      ],
      [['--as-of', '2021-09-30', '--area', '999'], 'Area "999" does not exist'],
    ] as const) {
      const result = await runCli(['report', ...args, '--format', 'pdf', '--out', out('x.pdf')], env);
      expect(result.code, args.join(' ')).toBe(1);
      for (const message of messages) expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect(fs.existsSync(out('x.pdf'))).toBe(false);
  });

  test('an --out into a folder that does not exist is refused at once, before the report is made', async () => {
    const result = await runCli(
      ['report', '--as-of', '2021-09-30', '--format', 'pdf', '--out', out('khong-co/bao-cao.pdf')],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist; create it first');
    expect(result.stderr).toContain('không tồn tại; hãy tạo thư mục trước');
    // Said before the database is even opened: no "Wrote", no file.
    expect(result.stdout).toBe('');
    expect(fs.existsSync(out('khong-co'))).toBe(false);
  });

  test('--notes goes into every format after the figures and before "Nơi nhận"; a file that is not UTF-8 or has an empty heading is refused', async () => {
    fs.writeFileSync(
      out('notes.txt'),
      '# Tồn tại, hạn chế\nMột số doanh nghiệp ngoài nhà nước chưa phối hợp.\n# Kiến nghị\nĐề nghị Sở Lao động phối hợp.\n',
    );
    const notes = ['--notes', out('notes.txt')];
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const result = await runCli(
        ['report', '--as-of', '2021-09-30', ...notes, '--format', format, '--out', out(`notes.${format}`)],
        env,
      );
      expect(result.code, result.stderr).toBe(0);
    }
    const pdf = (await pdfText(fs.readFileSync(out('notes.pdf')))).replace(/\s+/g, ' ');
    const docx = (await docxBody(fs.readFileSync(out('notes.docx')))).text.replace(/\s+/g, ' ');
    for (const text of [pdf, docx]) {
      const at = (words: string) => text.indexOf(words);
      expect(at('III. TỒN TẠI, HẠN CHẾ')).toBeGreaterThan(at('II. ĐÁNH GIÁ, DỰ BÁO'));
      expect(at('Một số doanh nghiệp ngoài nhà nước chưa phối hợp.')).toBeGreaterThan(
        at('III. TỒN TẠI, HẠN CHẾ'),
      );
      expect(at('IV. KIẾN NGHỊ')).toBeGreaterThan(at('Một số doanh nghiệp'));
      expect(at('Nơi nhận')).toBeGreaterThan(at('Đề nghị Sở Lao động phối hợp.'));
    }
    const firstSheet = (await readWorkbook(fs.readFileSync(out('notes.xlsx')))).worksheets[0];
    const lines: string[] = [];
    firstSheet?.eachRow((row) => lines.push(String(row.getCell(1).value ?? '')));
    expect(lines).toContain('III. TỒN TẠI, HẠN CHẾ');
    expect(lines).toContain('Đề nghị Sở Lao động phối hợp.');

    fs.writeFileSync(out('bad-notes.txt'), Buffer.from([0x54, 0xea, 0x6e, 0x0a]));
    const bad = await runCli(
      [
        'report',
        '--as-of',
        '2021-09-30',
        '--notes',
        out('bad-notes.txt'),
        '--format',
        'pdf',
        '--out',
        out('bad.pdf'),
      ],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not UTF-8 text');
    fs.writeFileSync(out('empty-heading.txt'), 'Đoạn.\n# \n');
    const heading = await runCli(
      [
        'report',
        '--as-of',
        '2021-09-30',
        '--notes',
        out('empty-heading.txt'),
        '--format',
        'pdf',
        '--out',
        out('bad.pdf'),
      ],
      env,
    );
    expect(heading.stderr).toContain('"notes", line 2: a heading ("# ") needs words after it');
    expect(fs.existsSync(out('bad.pdf'))).toBe(false);
  });

  test('publish stores the files, list shows them, get gives the same bytes, diff finds nothing changed', async () => {
    const published = await runCli(
      ['report', 'publish', '--as-of', '2021-09-30', '--out-dir', out('pub')],
      env,
    );
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(
      /^Published 1\/BC-BHXH \(id \d+\): Tỉnh Khánh Hòa as of 30\/09\/2021, compared with 31\/08\/2021/,
    );
    const list = await runCli(['report', 'list'], env);
    expect(list.stdout).toMatch(
      /^1\/BC-BHXH\s+\d{4}\s+issued \d\d\/\d\d\/\d{4}\s+Tỉnh Khánh Hòa .* by .+ \(pnpm cli\)/,
    );
    const got = await runCli(['report', 'get', '1/BC-BHXH', '--format', 'pdf', '--out', out('got.pdf')], env);
    expect(got.code, got.stderr).toBe(0);
    const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(hash(out('got.pdf'))).toBe(hash(out('pub/1-BC-BHXH.pdf')));
    const diff = await runCli(['report', 'diff', '1/BC-BHXH'], env);
    expect(diff.stdout).toContain('No difference');
  });
});

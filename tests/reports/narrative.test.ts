import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVERYTHING } from '../../api/src/auth/reach.ts';
import type { Database } from '../../api/src/db/client.ts';
import { labelBlockers } from '../../api/src/labels.ts';
import { computeReportFigures, type ReportFigures } from '../../api/src/reports/figures.ts';
import { MIN_RANKED_PERSONS, reportNarrative } from '../../api/src/reports/narrative.ts';
import { resolveReportRequest } from '../../api/src/reports/request.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * The narrative's sentences on the hand-made data (helpers/hand-made.ts), and on its figures changed
 * by hand where the data is too small to show a rule: every list adds up to its total, small areas are
 * not ranked, words follow the sign of a change, type words are in lower case mid-sentence.
 */

let database: Database;
let figures: ReportFigures;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  const request = await resolveReportRequest(
    database.db,
    { asOf: '2021-12-31', compare: '2021-06-30' },
    EVERYTHING,
    '2021-12-31',
  );
  figures = await computeReportFigures(database.db, request);
});
afterAll(() => database?.close());

const withParts = (targets: [string, number, number][]): ReportFigures => ({
  ...figures,
  parts: targets.map(([label, target, activated], i) => {
    const now = { ...figures.total.now, target, activated, activationRate: activated / target };
    return { key: String(901 + i), label, now, before: { ...now, activated: activated - 1 } };
  }),
});

describe('the narrative', () => {
  test('the reasons add up to everyone not activated: the largest named, the rest as other reasons', () => {
    // The hand-made data has three stuck persons, each with a reason.
    expect(reportNarrative(figures).join(' ')).toContain(
      'Trong số 3 người chưa kích hoạt, lý do đã ghi nhận: không có điện thoại thông minh 1 người (33,3\u00a0%); sai số điện thoại 1 người (33,3\u00a0%); thông tin không khớp dữ liệu BHXH 1 người (33,3\u00a0%); 0 người (0,0\u00a0%) chưa ghi nhận lý do.',
    );
    const many: ReportFigures = {
      ...figures,
      total: { ...figures.total, now: { ...figures.total.now, target: 1_000, activated: 0 } },
      blockers: labelBlockers([
        { reason: 'NO_SMARTPHONE', persons: 300, share: 0.3 },
        { reason: 'NO_ID_DOCUMENT', persons: 200, share: 0.2 },
        { reason: 'WRONG_PHONE', persons: 150, share: 0.15 },
        { reason: 'DATA_MISMATCH', persons: 100, share: 0.1 },
        { reason: 'DECLINED', persons: 80, share: 0.08 },
        { reason: 'LEFT_UNIT', persons: 50, share: 0.05 },
        { reason: 'OTHER', persons: 13, share: 0.013 },
        { reason: 'UNKNOWN', persons: 107, share: 0.107 },
      ]),
    };
    const sentence = reportNarrative(many).find((p) => p.startsWith('Trong số')) as string;
    expect(sentence).toContain(
      'các lý do khác 143 người (14,3\u00a0%); 107 người (10,7\u00a0%) chưa ghi nhận lý do.',
    );
    const listed = [...sentence.matchAll(/ ([\d.]+) người \(/g)].map((m) => Number(m[1]?.replace('.', '')));
    expect(listed.reduce((a, b) => a + b, 0)).toBe(1_000);
  });

  test(`areas with fewer than ${MIN_RANKED_PERSONS} insured persons are not ranked, and are named as such`, () => {
    const text = reportNarrative(
      withParts([
        ['Huyện Trường Sa', 7, 6],
        ['Thành phố Nha Trang', 1_000, 700],
        ['Huyện Khánh Vĩnh', 400, 100],
      ]),
    ).join(' ');
    expect(text).toContain(
      'Các huyện, thị xã, thành phố có tỷ lệ kích hoạt cao nhất: thành phố Nha Trang (70,0\u00a0%, +1 người); thấp nhất: huyện Khánh Vĩnh (25,0\u00a0%, +1 người).',
    );
    expect(text).toContain(
      `Không xếp hạng huyện có dưới ${MIN_RANKED_PERSONS} người tham gia: huyện Trường Sa.`,
    );
    expect(text).not.toContain('Trường Sa (');
  });

  test('a falling rate is said to fall, in percentage points, and an unchanged one to stay', () => {
    const at = (before: number, now: number): ReportFigures => ({
      ...figures,
      total: {
        now: { ...figures.total.now, activationRate: now },
        before: { ...figures.total.before, activationRate: before },
      },
    });
    expect(reportNarrative(at(0.635, 0.482))[1]).toContain(
      'tỷ lệ kích hoạt giảm 15,3 điểm phần trăm (từ 63,5\u00a0% xuống 48,2\u00a0%)',
    );
    expect(reportNarrative(at(0.482, 0.635))[1]).toContain(
      'tỷ lệ kích hoạt tăng 15,3 điểm phần trăm (từ 48,2\u00a0% lên 63,5\u00a0%)',
    );
    expect(reportNarrative(at(0.5, 0.5))[1]).toContain('tỷ lệ kích hoạt không đổi (50,0\u00a0%)');
    expect(reportNarrative(figures).join(' ')).not.toContain('điểm %');
  });

  test('a district is named with its type word in lower case mid-sentence', () => {
    const district: ReportFigures = {
      ...figures,
      area: { ...figures.area, name: 'Thành phố Nha Trang', level: 'DISTRICT' },
    };
    expect(reportNarrative(district)[0]).toMatch(
      /^Tính đến ngày 31\/12\/2021, trên địa bàn thành phố Nha Trang có /,
    );
    const office: ReportFigures = {
      ...figures,
      office: { code: 'BHXH-568', name: 'BHXH Thành phố Nha Trang' },
    };
    expect(reportNarrative(office)[0]).toContain('tại các đơn vị do BHXH thành phố Nha Trang quản lý có');
  });
});

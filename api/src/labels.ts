import type { BlockerReason, BlockerRow } from './db/queries/blockers.ts';
import type { BreakdownRow, Dimension } from './db/queries/breakdown.ts';
import type { RankedRow } from './db/queries/ranking.ts';

/*
 * The Vietnamese wording the API serves (the `label` of breakdown, ranking and blocker rows) and the
 * reports print. The data layer answers with codes and the names the database stores; the words for
 * the rest (a sector, the units a dimension does not place, a reason) are interface text and live here.
 */

export const BLOCKER_LABELS: Record<BlockerReason, string> = {
  NO_SMARTPHONE: 'Không có điện thoại thông minh',
  NO_ID_DOCUMENT: 'Không có CMND/CCCD',
  WRONG_PHONE: 'Sai số điện thoại',
  DATA_MISMATCH: 'Thông tin không khớp dữ liệu BHXH',
  DECLINED: 'Không đồng ý cài đặt',
  LEFT_UNIT: 'Đã nghỉ việc, chuyển đơn vị',
  OTHER: 'Lý do khác',
  UNKNOWN: 'Chưa ghi nhận lý do',
};

/** Labels of the `none` row: the units that have no value on the dimension. */
const NONE_LABELS: Record<Exclude<Dimension, 'UNIT'>, string> = {
  DISTRICT: 'Không thuộc huyện nào',
  COMMUNE: 'Chưa rõ xã, phường',
  OFFICE: 'Không có cơ quan quản lý',
  STAFF: 'Chưa phân công',
  SECTOR: 'Không rõ khối',
};

const SECTOR_LABELS: Record<string, string> = {
  HCSN: 'Hành chính sự nghiệp, Đảng, đoàn thể',
  DNNN: 'Doanh nghiệp nhà nước',
  FDI: 'Doanh nghiệp có vốn đầu tư nước ngoài',
  NQD: 'Doanh nghiệp ngoài quốc doanh',
  HTX: 'Hợp tác xã',
  KHAC: 'Khác',
};

export type LabelledBreakdownRow = BreakdownRow & { label: string };
export type LabelledRankedRow = RankedRow & { label: string };
export type LabelledBlockerRow = BlockerRow & { label: string };

/** A breakdown row's name: the `none` row's and a sector's in words, any other the name stored. */
export function breakdownLabel(by: Dimension, row: Pick<BreakdownRow, 'key' | 'name'>): string {
  if (row.key === 'none' && by !== 'UNIT') return NONE_LABELS[by];
  if (by === 'SECTOR') return SECTOR_LABELS[row.key] ?? row.key;
  return row.name ?? row.key;
}

export function labelBreakdown<Row extends BreakdownRow>(
  by: Dimension,
  rows: Row[],
): (Row & { label: string })[] {
  return rows.map((row) => ({ ...row, label: breakdownLabel(by, row) }));
}

export function labelBlockers(rows: BlockerRow[]): LabelledBlockerRow[] {
  return rows.map(({ reason, ...counts }) => ({ reason, label: BLOCKER_LABELS[reason], ...counts }));
}

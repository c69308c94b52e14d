import type { CoverageFigures } from '../db/queries/coverage.ts';
import type { PartFigures, ReportFigures, UnitLine } from './figures.ts';
import { formatChange, formatDate, formatInteger, formatPercent, formatPointChange } from './format.ts';

/*
 * The report's tables as plain rows of numbers and words, made from the figures alone: the DOCX, PDF
 * and XLSX writers, the HTML preview and the difference list all read these, so a cell says the same
 * thing in every format and a published report's tables can be made again from its stored figures.
 */

/** How a column's values are written: counts 1.234, shares 62,4 %, signed changes +12. */
export type ColumnKind = 'TEXT' | 'INTEGER' | 'RATE' | 'CHANGE' | 'POINTS';

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** A count whose change after publishing the difference list reports. */
  compared?: boolean;
}

export type CellValue = string | number | null;

export interface ReportRow {
  key: string;
  cells: CellValue[];
  /** The totals row at the foot of a table. */
  total?: boolean;
}

export interface ReportTable {
  key: string;
  /** The heading, numbered as in the document ("1. Kết quả theo huyện, thị xã, thành phố"). */
  title: string;
  /** A short name for a spreadsheet tab (at most 31 characters, none of []:*?/\). */
  sheetName: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  note?: string;
}

const STEP_COLUMNS = [
  ['registered', 'Đã đăng ký'],
  ['approved', 'Đã phê duyệt'],
  ['activated', 'Đã kích hoạt'],
  ['formSigned', 'Đã ký Mẫu 01'],
  ['verified', 'Đã xác thực'],
] as const;

function coverageColumns(nameHeader: string, compare: string): ReportColumn[] {
  return [
    { key: 'name', header: nameHeader, kind: 'TEXT' },
    { key: 'target', header: 'Số người tham gia', kind: 'INTEGER', compared: true },
    ...STEP_COLUMNS.flatMap(([key, header]): ReportColumn[] => [
      { key, header, kind: 'INTEGER', compared: true },
      { key: `${key}Rate`, header: 'Tỷ lệ', kind: 'RATE' },
    ]),
    { key: 'activatedChange', header: `Kích hoạt tăng từ ${formatDate(compare)}`, kind: 'CHANGE' },
    { key: 'rateChange', header: 'Tỷ lệ kích hoạt tăng (điểm phần trăm)', kind: 'POINTS' },
    { key: 'unitsContacted', header: 'Đơn vị đã liên hệ', kind: 'INTEGER', compared: true },
    { key: 'units', header: 'Tổng số đơn vị', kind: 'INTEGER', compared: true },
  ];
}

function coverageCells(label: string, now: CoverageFigures, before: CoverageFigures): CellValue[] {
  const rate = (n: number) => (now.target === 0 ? 0 : n / now.target);
  return [
    label,
    now.target,
    ...STEP_COLUMNS.flatMap(([key]) => [now[key], rate(now[key])]),
    now.activated - before.activated,
    now.activationRate - before.activationRate,
    now.unitsContacted,
    now.units,
  ];
}

function coverageTable(
  figures: ReportFigures,
  key: string,
  title: string,
  sheetName: string,
  nameHeader: string,
  parts: PartFigures[],
  note?: string,
): ReportTable {
  return {
    key,
    title,
    sheetName,
    columns: coverageColumns(nameHeader, figures.compare),
    rows: [
      ...parts.map((p) => ({ key: p.key, cells: coverageCells(p.label, p.now, p.before) })),
      {
        key: 'total',
        total: true,
        cells: coverageCells('Tổng cộng', figures.total.now, figures.total.before),
      },
    ],
    note,
  };
}

const PART_NAMES = {
  DISTRICT: { title: 'huyện, thị xã, thành phố', column: 'Huyện, thị xã, thành phố', sheet: 'Theo huyện' },
  COMMUNE: { title: 'xã, phường, thị trấn', column: 'Xã, phường, thị trấn', sheet: 'Theo xã' },
  // From 1/7/2025 (two tiers of local government) the communes are xã, phường and đặc khu.
  COMMUNE_TWO_TIERS: { title: 'xã, phường, đặc khu', column: 'Xã, phường, đặc khu', sheet: 'Theo xã' },
};

/** The words for the parts of a report: its level, in the map it was made in. */
export function partNames(figures: ReportFigures): (typeof PART_NAMES)[keyof typeof PART_NAMES] | null {
  if (!figures.partsLevel) return null;
  return PART_NAMES[
    figures.partsLevel === 'COMMUNE' && figures.twoTiers ? 'COMMUNE_TWO_TIERS' : figures.partsLevel
  ];
}

function unitTable(
  key: string,
  title: string,
  sheetName: string,
  units: UnitLine[],
  note?: string,
): ReportTable {
  return {
    key,
    title,
    sheetName,
    columns: [
      { key: 'code', header: 'Mã đơn vị', kind: 'TEXT' },
      { key: 'name', header: 'Tên đơn vị', kind: 'TEXT' },
      { key: 'target', header: 'Số người tham gia', kind: 'INTEGER' },
      { key: 'activated', header: 'Đã kích hoạt', kind: 'INTEGER' },
      { key: 'activationRate', header: 'Tỷ lệ kích hoạt', kind: 'RATE' },
      { key: 'contacted', header: 'Đã liên hệ lãnh đạo', kind: 'TEXT' },
    ],
    rows: units.map((u) => ({
      key: u.code,
      cells: [u.code, u.name, u.target, u.activated, u.activationRate, u.contacted ? 'Đã liên hệ' : 'Chưa'],
    })),
    note,
  };
}

const SUMMARY_ROWS = [
  ['target', 'Số người tham gia BHXH'],
  ['registered', 'Đã đăng ký giao dịch điện tử'],
  ['approved', 'Đã được phê duyệt'],
  ['activated', 'Đã cài đặt, đăng nhập VssID (kích hoạt)'],
  ['formSigned', 'Đã ký Tờ khai Mẫu 01'],
  ['verified', 'Đã xác thực, lưu hồ sơ'],
  ['units', 'Số đơn vị sử dụng lao động'],
  ['unitsContacted', 'Đơn vị đã được liên hệ lãnh đạo'],
] as const;

/**
 * The area's figures on both days, one measure a row: the table on the report's first page. Step
 * shares are of the target; the activation rate has its own row.
 */
export function summaryTable(figures: ReportFigures): ReportTable {
  const { now, before } = figures.total;
  const share = (n: number, c: CoverageFigures) => (c.target === 0 ? 0 : n / c.target);
  const rows: ReportRow[] = SUMMARY_ROWS.map(([key, label]) => ({
    key,
    cells: [
      label,
      before[key],
      now[key],
      now[key] - before[key],
      key === 'units' || key === 'unitsContacted' ? null : share(now[key], now),
    ],
  }));
  rows.splice(4, 0, {
    key: 'activationRate',
    cells: ['Tỷ lệ kích hoạt', before.activationRate, now.activationRate, null, null],
  });
  return {
    key: 'summary',
    title: 'Kết quả chung',
    sheetName: 'Tổng hợp',
    columns: [
      { key: 'measure', header: 'Chỉ tiêu', kind: 'TEXT' },
      { key: 'before', header: `Đến ngày ${formatDate(figures.compare)}`, kind: 'INTEGER' },
      { key: 'now', header: `Đến ngày ${formatDate(figures.asOf)}`, kind: 'INTEGER', compared: true },
      { key: 'change', header: 'Tăng so với kỳ trước', kind: 'CHANGE' },
      { key: 'share', header: 'Tỷ lệ trên số người tham gia', kind: 'RATE' },
    ],
    rows,
  };
}

/** The kind of one cell: a column's own, but a rate in the summary's activation-rate row. */
export function cellKind(table: ReportTable, row: ReportRow, column: number): ColumnKind {
  if (table.key === 'summary' && row.key === 'activationRate' && column > 0) return 'RATE';
  return table.columns[column]?.kind ?? 'TEXT';
}

/** The report's detailed tables (the annex), in the order the document prints them. */
export function reportTables(figures: ReportFigures): ReportTable[] {
  const tables: ReportTable[] = [];
  const asOf = formatDate(figures.asOf);
  const names = partNames(figures);
  if (names) {
    tables.push(
      coverageTable(
        figures,
        'parts',
        `Kết quả theo ${names.title}`,
        names.sheet,
        names.column,
        figures.parts,
      ),
    );
  }
  tables.push(
    coverageTable(
      figures,
      'offices',
      `Kết quả theo cơ quan BHXH quản lý đơn vị`,
      'Theo cơ quan quản lý',
      'Cơ quan BHXH quản lý',
      figures.offices,
    ),
    coverageTable(
      figures,
      'sectors',
      `Kết quả theo khối, loại hình đơn vị`,
      'Theo khối',
      'Khối, loại hình đơn vị',
      figures.sectors,
    ),
    coverageTable(
      figures,
      'officers',
      `Tiến độ theo cán bộ phụ trách đơn vị`,
      'Theo cán bộ',
      'Cán bộ phụ trách',
      figures.officers,
      `Các đơn vị do cán bộ phụ trách vào ngày ${asOf}; mức tăng so với các đơn vị cán bộ phụ trách vào ngày ${formatDate(figures.compare)}.`,
    ),
  );
  tables.push(
    unitTable(
      'lagging',
      `Các đơn vị có tỷ lệ kích hoạt thấp nhất`,
      'Đơn vị chậm nhất',
      figures.laggingUnits,
      `${figures.laggingUnits.length} đơn vị có người tham gia, tỷ lệ kích hoạt thấp nhất đến ngày ${asOf}; cùng tỷ lệ thì đơn vị đông người hơn trước.`,
    ),
    unitTable(
      'notContacted',
      `Các đơn vị chưa được liên hệ`,
      'Đơn vị chưa liên hệ',
      figures.notContacted.units,
      `${formatInteger(figures.notContacted.count)} đơn vị (${formatInteger(figures.notContacted.persons)} người tham gia) chưa được liên hệ lãnh đạo đến ngày ${asOf}` +
        (figures.notContacted.count > figures.notContacted.units.length
          ? `; danh sách nêu ${figures.notContacted.units.length} đơn vị đông người nhất.`
          : '.'),
    ),
  );
  const stuck = figures.total.now.target - figures.total.now.activated;
  tables.push({
    key: 'blockers',
    title: `Lý do người tham gia chưa kích hoạt`,
    sheetName: 'Lý do chưa kích hoạt',
    columns: [
      { key: 'reason', header: 'Lý do', kind: 'TEXT' },
      { key: 'persons', header: 'Số người', kind: 'INTEGER', compared: true },
      { key: 'share', header: 'Tỷ lệ', kind: 'RATE' },
    ],
    rows: [
      ...figures.blockers.map((b) => ({ key: b.reason, cells: [b.label, b.persons, b.share] })),
      { key: 'total', total: true, cells: ['Tổng số người chưa kích hoạt', stuck, stuck === 0 ? 0 : 1] },
    ],
  });
  // Numbered once all are in: a number taken while the list was still being built repeated itself
  // (1, 2, 2, 2, 5, 5, 7) for the tables made in one push.
  return tables.map((table, i) => ({ ...table, title: `${i + 1}. ${table.title}` }));
}

/** A cell as the document writes it: 1.234, 62,4 %, +12, +1,2 (points). */
export function formatCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'RATE':
      return formatPercent(value);
    case 'CHANGE':
      return formatChange(value);
    case 'POINTS':
      return formatPointChange(value);
    default:
      return formatInteger(value);
  }
}

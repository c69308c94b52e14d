/*
 * The columns of each kind of import file, as the contract lists them, with the one Vietnamese header
 * name the README documents for each. Headers match either name, case-insensitively, after Unicode NFC
 * normalisation and with runs of spaces taken as one.
 */

export const IMPORT_KINDS = [
  'areas',
  'offices',
  'units',
  'staff',
  'assignments',
  'persons',
  'steps',
  'milestones',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ColumnType =
  | 'text'
  | 'code'
  | 'siCode'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'taxCode'
  | 'date'
  | 'enum';

export interface ColumnSpec {
  name: string;
  vi: string;
  required: boolean;
  type: ColumnType;
  /** For enums: accepted spellings (folded: lower case, NFC) → the stored value. */
  values?: Readonly<Record<string, string>>;
  /** Personal data: never repeated in a message. */
  personal?: boolean;
  maxLength?: number;
}

export interface KindSpec {
  kind: ImportKind;
  columns: ColumnSpec[];
  /** The columns that identify a record: a second row with the same key is a duplicate. */
  key: string[];
}

const enumOf = (values: readonly string[], aliases: Record<string, string> = {}) =>
  Object.freeze({
    ...Object.fromEntries(values.map((v) => [v.toLowerCase(), v])),
    ...Object.fromEntries(Object.entries(aliases).map(([k, v]) => [k.normalize('NFC').toLowerCase(), v])),
  });

export const STEPS = ['REGISTERED', 'APPROVED', 'ACTIVATED', 'FORM_SIGNED', 'VERIFIED'] as const;
export const MILESTONES = [
  'LEADERSHIP_CONTACTED',
  'GUIDE_SENT',
  'REPRESENTATIVE_GUIDED',
  'EMPLOYEES_GUIDED',
  'TRAINING_ATTENDED',
] as const;
export const SECTORS = ['HCSN', 'DNNN', 'FDI', 'NQD', 'HTX', 'KHAC'] as const;
export const LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;

const text = (name: string, vi: string, required: boolean, maxLength = 300): ColumnSpec => ({
  name,
  vi,
  required,
  type: 'text',
  maxLength,
});
const code = (name: string, vi: string, required = true): ColumnSpec => ({
  name,
  vi,
  required,
  type: 'code',
});
const date = (name: string, vi: string, required = true): ColumnSpec => ({
  name,
  vi,
  required,
  type: 'date',
});
const siCode: ColumnSpec = {
  name: 'social_insurance_code',
  vi: 'mã số bhxh',
  required: true,
  type: 'siCode',
  personal: true,
};

export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  areas: {
    kind: 'areas',
    key: ['area_code'],
    columns: [
      code('area_code', 'mã địa bàn'),
      text('name', 'tên địa bàn', true),
      {
        name: 'level',
        vi: 'cấp',
        required: true,
        type: 'enum',
        values: enumOf(LEVELS, { tỉnh: 'PROVINCE', huyện: 'DISTRICT', xã: 'COMMUNE' }),
      },
      code('parent_code', 'mã địa bàn cấp trên', false),
    ],
  },
  offices: {
    kind: 'offices',
    key: ['office_code'],
    columns: [
      code('office_code', 'mã cơ quan bhxh'),
      text('name', 'tên cơ quan bhxh', true),
      code('area_code', 'mã địa bàn'),
    ],
  },
  units: {
    kind: 'units',
    key: ['unit_code'],
    columns: [
      code('unit_code', 'mã đơn vị'),
      text('name', 'tên đơn vị', true),
      // A map without districts (2025's) names the commune only: one of the two is needed (stage.ts).
      code('district_code', 'mã huyện', false),
      code('commune_code', 'mã xã', false),
      code('office_code', 'mã cơ quan bhxh'),
      { name: 'sector', vi: 'khối', required: true, type: 'enum', values: enumOf(SECTORS, { khác: 'KHAC' }) },
      { name: 'tax_code', vi: 'mã số thuế', required: false, type: 'taxCode' },
      text('address', 'địa chỉ', false, 500),
    ],
  },
  staff: {
    kind: 'staff',
    key: ['staff_code'],
    columns: [
      code('staff_code', 'mã cán bộ'),
      text('full_name', 'họ và tên', true, 200),
      code('office_code', 'mã cơ quan bhxh'),
      { name: 'email', vi: 'email', required: false, type: 'email' },
      { name: 'phone', vi: 'số điện thoại', required: false, type: 'phone' },
    ],
  },
  assignments: {
    kind: 'assignments',
    key: ['unit_code', 'from_date'],
    columns: [code('unit_code', 'mã đơn vị'), code('staff_code', 'mã cán bộ'), date('from_date', 'từ ngày')],
  },
  persons: {
    kind: 'persons',
    key: ['social_insurance_code'],
    columns: [
      siCode,
      { ...text('full_name', 'họ và tên', true, 200), personal: true },
      code('unit_code', 'mã đơn vị'),
      { ...date('birth_date', 'ngày sinh', false), personal: true },
      {
        name: 'gender',
        vi: 'giới tính',
        required: false,
        type: 'enum',
        values: enumOf(['M', 'F'], { nam: 'M', nữ: 'F' }),
      },
      { name: 'id_number', vi: 'số cccd', required: false, type: 'idNumber', personal: true },
      { name: 'phone', vi: 'số điện thoại', required: false, type: 'phone', personal: true },
    ],
  },
  steps: {
    kind: 'steps',
    key: ['social_insurance_code', 'step'],
    columns: [
      siCode,
      { name: 'step', vi: 'bước', required: true, type: 'enum', values: enumOf(STEPS) },
      date('date', 'ngày'),
    ],
  },
  milestones: {
    kind: 'milestones',
    key: ['unit_code', 'milestone'],
    columns: [
      code('unit_code', 'mã đơn vị'),
      { name: 'milestone', vi: 'mốc', required: true, type: 'enum', values: enumOf(MILESTONES) },
      date('date', 'ngày'),
      code('staff_code', 'mã cán bộ', false),
      text('note', 'ghi chú', false, 1000),
    ],
  },
};

/** How a header cell is compared: NFC, lower case, trimmed, inner runs of white space as one space. */
export function foldHeader(header: string): string {
  return header.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

import { type ImportKind, KIND_SPECS } from './columns.ts';

/*
 * Empty import files with the header row. The XLSX template formats code columns as text, so that
 * Excel keeps the leading zeros of social-insurance codes and ID numbers that a number would drop.
 */

const TEXT_TYPES = new Set(['code', 'siCode', 'idNumber', 'phone', 'taxCode']);

export function templateCsv(kind: ImportKind): string {
  return `${KIND_SPECS[kind].columns.map((c) => c.name).join(',')}\r\n`;
}

export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  // Loaded here, not with the server: exceljs alone is 20 MB and half a second at every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  const columns = KIND_SPECS[kind].columns;
  sheet.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.max(14, c.name.length + 4),
    style: TEXT_TYPES.has(c.type) ? { numFmt: '@' } : c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.font = { bold: true };
    // The Vietnamese name, for whoever fills it in; the header itself stays the English one.
    cell.note = `${c.vi}${c.required ? ' (bắt buộc)' : ''}`;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

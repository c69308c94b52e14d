import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/*
 * Reading the report's files back the way a recipient's software would: the workbook with exceljs,
 * the PDF's text with pdf.js, the DOCX's body from its zip. Nothing here is the code under test.
 */

/** A sheet's table: header cells, and each row below the frozen header keyed by its first cell. */
export interface SheetTable {
  header: string[];
  rows: Map<string, ExcelJS.Cell[]>;
  frozenRows: number;
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

export function sheetTable(workbook: ExcelJS.Workbook, name: string): SheetTable {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}" in ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  const frozenRows = view?.state === 'frozen' ? (view.ySplit ?? 0) : 0;
  const headerRow = sheet.getRow(frozenRows);
  const header: string[] = [];
  headerRow.eachCell((cell, col) => {
    header[col - 1] = String(cell.value);
  });
  const rows = new Map<string, ExcelJS.Cell[]>();
  for (let r = frozenRows + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = header.map((_, i) => row.getCell(i + 1));
    if (cells[0]?.value !== null && cells[1]?.value !== null) rows.set(String(cells[0]?.value), cells);
  }
  return { header, rows, frozenRows };
}

/** Every page's text, in reading order, with runs joined by spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n');
}

/** Each page of a PDF: its size in points and its text, runs joined by spaces, top first. */
export async function pdfPages(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; text: string }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: { width: number; height: number; text: string }[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const page = await document.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    const items = (
      (await page.getTextContent()).items.filter((item) => 'str' in item) as {
        str: string;
        transform: number[];
      }[]
    ).filter((item) => item.str.trim() !== '');
    // Top of the page first (PDF's y grows upwards), then left to right.
    items.sort(
      (a, b) =>
        (b.transform[5] as number) - (a.transform[5] as number) ||
        (a.transform[4] as number) - (b.transform[4] as number),
    );
    pages.push({ width, height, text: items.map((item) => item.str).join(' ') });
  }
  await document.destroy();
  return pages;
}

/** The DOCX's body, and its text with the runs of each paragraph joined. */
export async function docxBody(bytes: Uint8Array): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return { xml, text };
}

import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ReportColumn } from './tables.ts';

/*
 * Column widths computed from what the columns hold, for the PDF and the DOCX alike. Times New Roman
 * is not free to ship; Tinos is its metric-compatible open clone with every Vietnamese letter, so the
 * widths measured in Tinos are those Word and LibreOffice lay out in Times New Roman.
 */

const require = createRequire(import.meta.url);
export const FONTS = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};
export type Face = keyof typeof FONTS;

/** Width in points of a text in a face and size. */
export type Measure = (text: string, face: Face) => number;

let measurer: InstanceType<typeof PDFDocument> | undefined;

/** A measure for documents that are not PDFs: a PDF document that is never written, for its metrics. */
export function fontMeasure(size: number): Measure {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    for (const [face, file] of Object.entries(FONTS)) measurer.registerFont(face, file);
  }
  const doc = measurer;
  return (text, face) => doc.font(face).fontSize(size).widthOfString(text);
}

/**
 * Each column at least as wide as its widest number or word (so that neither is ever broken), the
 * width left over shared in proportion to what each would need on one line (a number column its
 * header, a text column its longest text). `padding` is a cell's inner margin on each side; widths,
 * `padding` and `total` are in points.
 */
export function columnWidths(
  columns: ReportColumn[],
  cells: string[][],
  measure: Measure,
  padding: number,
  total: number,
): number[] {
  const min: number[] = [];
  const natural: number[] = [];
  columns.forEach((column, i) => {
    const header = column.header.split(/\s+/).map((w) => measure(w, 'bold'));
    const values = cells.map((row) => row[i] ?? '');
    const words =
      column.kind === 'TEXT'
        ? values.flatMap((v) => v.split(/\s+/)).map((w) => measure(w, 'bold'))
        : values.map((v) => measure(v, 'bold'));
    min[i] = Math.max(...header, ...words, 0) + 2 * padding + 1;
    // A number column would like its header on one line; a text column its longest text.
    const wish =
      column.kind === 'TEXT' ? values.map((v) => measure(v, 'regular')) : [measure(column.header, 'bold')];
    natural[i] = Math.max(min[i] as number, ...wish.map((w) => w + 2 * padding + 1));
  });
  let spare = total - min.reduce((a, b) => a + b, 0);
  if (spare <= 0) return min.map((w) => (w * total) / (total - spare));
  const widths = [...min];
  // Names first, on one line where they fit (up to a third of the table each): a name broken over
  // lines reads worse than a header that wraps.
  columns.forEach((column, i) => {
    if (column.kind !== 'TEXT') return;
    const grant = Math.max(
      0,
      Math.min(spare, Math.min(natural[i] as number, total / 3) - (widths[i] as number)),
    );
    widths[i] = (widths[i] as number) + grant;
    spare -= grant;
  });
  // Then the number columns, in proportion to what their headers would need on one line.
  const wants = columns.map((c, i) =>
    c.kind === 'TEXT' ? 0 : (natural[i] as number) - (widths[i] as number),
  );
  const wanted = wants.reduce((a, b) => a + b, 0);
  if (wanted > 0) {
    const share = Math.min(1, spare / wanted);
    wants.forEach((want, i) => {
      widths[i] = (widths[i] as number) + want * share;
    });
    spare -= wanted * share;
  }
  // What no column needs goes to the text columns by their longest text (a unit's name, not its
  // code), else to all alike.
  const text = columns.map((c, i) => (c.kind === 'TEXT' ? (natural[i] as number) : 0));
  const weight = text.reduce((a, b) => a + b, 0);
  widths.forEach((w, i) => {
    widths[i] = w + (weight > 0 ? (spare * (text[i] as number)) / weight : spare / widths.length);
  });
  return widths;
}

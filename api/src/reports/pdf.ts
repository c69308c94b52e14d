import PDFDocument from 'pdfkit';
import { columnWidths, type Face, FONTS } from './column-widths.ts';
import { MOTTO, NATIONAL_NAME, type ReportDocument, SIGNER_NAME_PLACEHOLDER } from './document.ts';
import { headerLines, type Issuer } from './issuer.ts';
import { cellKind, formatCell, type ReportTable } from './tables.ts';

/*
 * The same document as the DOCX, as a PDF for those who only read it. It embeds Tinos (subset; see
 * column-widths.ts) from an npm package and reads nothing from the machine's fonts.
 */

/** 1 mm in PDF points. */
const MM = 72 / 25.4;
const PORTRAIT_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const LANDSCAPE_MARGINS = { top: 20 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM };

type Doc = InstanceType<typeof PDFDocument>;

function write(
  doc: Doc,
  face: Face,
  size: number,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'center' | 'left' | 'justify' = 'center',
) {
  doc.font(face).fontSize(size).text(text, x, y, { width, align });
}

/** A rule of `length` points centred under the line just written in the column at x of `width`. */
function ruleUnder(doc: Doc, length: number, x: number, width: number) {
  const y = doc.y + 2;
  const start = x + (width - length) / 2;
  doc
    .moveTo(start, y)
    .lineTo(start + length, y)
    .lineWidth(0.6)
    .stroke();
  doc.y = y + 5;
}

function headerBlock(doc: Doc, report: ReportDocument) {
  // As in the DOCX: 82 mm for the agency, 92 mm for the Quốc hiệu, reaching 9 mm into the left margin.
  const left = PORTRAIT_MARGINS.left - 9 * MM;
  const leftWidth = 82 * MM;
  const rightX = left + leftWidth;
  const rightWidth = 92 * MM;
  const top = PORTRAIT_MARGINS.top;

  write(doc, 'regular', 12, report.issuer.parent, left, top, leftWidth);
  const lines = headerLines(report.issuer.name);
  for (const line of lines) write(doc, 'bold', 12, line, left, doc.y, leftWidth);
  ruleUnder(doc, doc.widthOfString(lines.at(-1) ?? '') * 0.4, left, leftWidth);
  doc.y += 4;
  write(doc, 'regular', 13, report.numberLine, left, doc.y, leftWidth);
  const leftBottom = doc.y;

  write(doc, 'bold', 12, NATIONAL_NAME, rightX, top, rightWidth);
  write(doc, 'bold', 13, MOTTO, rightX, doc.y, rightWidth);
  ruleUnder(doc, doc.widthOfString(MOTTO), rightX, rightWidth);
  doc.y += 4;
  write(doc, 'italic', 13, report.dateLine, rightX, doc.y, rightWidth);
  doc.y = Math.max(leftBottom, doc.y) + 18;
}

function paragraph(doc: Doc, text: string, options: { face?: Face; size?: number; indent?: boolean } = {}) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc
    .font(options.face ?? 'regular')
    .fontSize(options.size ?? 13)
    .text(text, left, doc.y, {
      width,
      align: 'justify',
      indent: options.indent === false ? 0 : 10 * MM,
      lineGap: 2,
      paragraphGap: 4,
    });
}

/** A page as the document's pages are: the first part's portrait, the annex's landscape. */
type PageOptions = { size: 'A4'; layout: 'portrait' | 'landscape'; margins: typeof PORTRAIT_MARGINS };
const PORTRAIT: PageOptions = { size: 'A4', layout: 'portrait', margins: PORTRAIT_MARGINS };
const LANDSCAPE: PageOptions = { size: 'A4', layout: 'landscape', margins: LANDSCAPE_MARGINS };

const PADDING = { x: 3, y: 2 };
/** Rows a table keeps together at its start, and at its end on a page of their own. */
const KEPT_ROWS = 2;

/**
 * A table that breaks across pages as a document's tables do: its header row at the top of every
 * page it runs onto, never started with fewer than two rows at a page's foot, never leaving its last
 * row alone on a page, each new page in the layout of the one it runs from.
 */
function table(doc: Doc, t: ReportTable, size: number, page: PageOptions) {
  const left = doc.page.margins.left;
  const total = doc.page.width - left - doc.page.margins.right;
  const texts = t.rows.map((row) => row.cells.map((value, i) => formatCell(value, cellKind(t, row, i))));
  const widths = columnWidths(
    t.columns,
    texts,
    (text, face) => doc.font(face).fontSize(size).widthOfString(text),
    PADDING.x,
    total,
  );
  const height = (cells: string[], face: (i: number) => Face) =>
    Math.max(
      ...cells.map(
        (text, i) =>
          doc
            .font(face(i))
            .fontSize(size)
            .heightOfString(text, { width: (widths[i] as number) - 2 * PADDING.x }) +
          2 * PADDING.y,
      ),
    ) + 1;
  const header = t.columns.map((c) => ({
    text: c.header,
    font: { src: FONTS.bold, size },
    align: { x: 'center' as const, y: 'center' as const },
    backgroundColor: '#e7e6e6',
  }));
  const headerHeight = height(
    t.columns.map((c) => c.header),
    () => 'bold',
  );
  const rows = t.rows.map((row, r) =>
    (texts[r] as string[]).map((text, i) => ({
      text,
      font: { src: row.total ? FONTS.bold : FONTS.regular, size },
      align: {
        x: cellKind(t, row, i) === 'TEXT' ? ('left' as const) : ('right' as const),
        y: 'center' as const,
      },
    })),
  );
  const heights = t.rows.map((row, r) =>
    height(texts[r] as string[], () => (row.total ? 'bold' : 'regular')),
  );
  let next = 0;
  while (next < rows.length) {
    const room = doc.page.maxY() - doc.y;
    const kept = heights.slice(next, next + KEPT_ROWS).reduce((a, b) => a + b, 0);
    if (headerHeight + kept > room && doc.y > doc.page.margins.top + 1) {
      doc.addPage(page);
      continue;
    }
    let end = next;
    let used = headerHeight;
    while (end < rows.length && used + (heights[end] as number) <= room) used += heights[end++] as number;
    end = Math.max(end, next + 1);
    // The last row (the totals) is not left alone on the next page: one more row goes with it.
    if (end === rows.length - 1 && end - next > KEPT_ROWS) end -= 1;
    doc.font('regular').fontSize(size);
    doc.table({
      position: { x: left, y: doc.y },
      columnStyles: widths,
      defaultStyle: {
        border: 0.5,
        borderColor: '#000000',
        padding: [PADDING.y, PADDING.x, PADDING.y, PADDING.x],
      },
      data: [header, ...rows.slice(next, end)],
    });
    next = end;
    if (next < rows.length) doc.addPage(page);
  }
  doc.x = left;
}

/** Page numbers at the top centre from the second page (Nghị định 30, Phụ lục I), once all are laid out. */
function numberPages(doc: Doc) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    doc
      .font('regular')
      .fontSize(12)
      .text(String(i + 1), 0, 10 * MM, { width: doc.page.width, align: 'center', lineBreak: false });
  }
}

function signatureBlock(doc: Doc, issuer: Issuer) {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  if (doc.y + 150 > doc.page.height - doc.page.margins.bottom) doc.addPage(PORTRAIT);
  const top = doc.y + 10;
  const leftWidth = full * 0.5;
  write(doc, 'boldItalic', 12, 'Nơi nhận:', left, top, leftWidth, 'left');
  for (const r of issuer.recipients) write(doc, 'regular', 11, `- ${r}`, left, doc.y, leftWidth, 'left');
  const rightX = left + leftWidth;
  write(doc, 'bold', 13, issuer.signerTitle, rightX, top, full - leftWidth);
  write(doc, 'bold', 13, SIGNER_NAME_PLACEHOLDER, rightX, top + 90, full - leftWidth);
}

/** The report as a PDF file with its font embedded. */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PORTRAIT_MARGINS,
    info: { Title: report.titleLines.join(' '), Author: report.issuer.inSentence, Creator: 'VssID rollout' },
    lang: 'vi-VN',
    font: FONTS.regular,
    // Pages are kept until the end, when their numbers are written.
    bufferPages: true,
  });
  for (const [face, file] of Object.entries(FONTS)) doc.registerFont(face, file);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  headerBlock(doc, report);
  const left = PORTRAIT_MARGINS.left;
  const width = doc.page.width - left - PORTRAIT_MARGINS.right;
  report.titleLines.forEach((line, i) => {
    write(doc, i < 2 ? 'bold' : 'italic', 14, line, left, doc.y, width);
  });
  doc.y += 3;
  ruleUnder(doc, width / 3, left, width);
  doc.y += 10;
  paragraph(doc, report.introduction);
  paragraph(doc, 'I. KẾT QUẢ TRIỂN KHAI', { face: 'bold' });
  for (const p of report.narrative.slice(0, 2)) paragraph(doc, p);
  doc.y += 4;
  table(doc, report.summary, 11, PORTRAIT);
  doc.y += 8;
  paragraph(doc, 'II. ĐÁNH GIÁ, DỰ BÁO', { face: 'bold' });
  for (const p of report.narrative.slice(2)) paragraph(doc, p);
  paragraph(
    doc,
    'Số liệu chi tiết theo địa bàn, cơ quan quản lý, khối, cán bộ phụ trách và đơn vị tại Phụ lục kèm theo.',
  );
  for (const section of report.notes) {
    if (section.heading) paragraph(doc, section.heading, { face: 'bold' });
    for (const p of section.paragraphs) paragraph(doc, p);
  }
  signatureBlock(doc, report.issuer);

  doc.addPage(LANDSCAPE);
  const annexWidth = doc.page.width - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;
  write(doc, 'bold', 14, report.annexTitle, LANDSCAPE_MARGINS.left, doc.y, annexWidth);
  write(doc, 'italic', 12, report.annexSubtitle, LANDSCAPE_MARGINS.left, doc.y, annexWidth);
  for (const t of report.tables) {
    doc.y += 10;
    // A title is not left at a page's foot: it goes with the start of its table.
    if (doc.y + 80 > doc.page.maxY()) doc.addPage(LANDSCAPE);
    write(doc, 'bold', 12, t.title, LANDSCAPE_MARGINS.left, doc.y, annexWidth, 'left');
    if (t.note) write(doc, 'italic', 10, t.note, LANDSCAPE_MARGINS.left, doc.y, annexWidth, 'left');
    doc.y += 2;
    table(doc, t, t.columns.length > 8 ? 8 : 9, LANDSCAPE);
  }
  numberPages(doc);
  doc.end();
  return done;
}

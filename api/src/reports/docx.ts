import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type IBorderOptions,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { columnWidths, fontMeasure } from './column-widths.ts';
import { MOTTO, NATIONAL_NAME, type ReportDocument, SIGNER_NAME_PLACEHOLDER } from './document.ts';
import { headerLines, type Issuer } from './issuer.ts';
import { cellKind, formatCell, type ReportTable } from './tables.ts';

/*
 * The report as a Word document laid out as Nghị định 30/2020/NĐ-CP asks: agency and number at top
 * left, Quốc hiệu and Tiêu ngữ at top right (a borderless two-column table, as offices do it), the date
 * line in italics, a bold centred title, the text in Times New Roman 14, "Nơi nhận" and the signature
 * block, then the detailed tables as a landscape annex. It stays editable so that it can be signed.
 */

const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const pt = (points: number) => points * 2;
/** Page measures are twips: 1 mm = 56.7 twips. */
const mm = (millimetres: number) => Math.round(millimetres * 56.7);

/** The width between the margins of a portrait page: 210 mm less 30 mm left and 15 mm right. */
const TEXT_WIDTH = 165;
/** The width between the margins of a landscape annex page: 297 mm less 20 mm left and 15 mm right. */
const ANNEX_WIDTH = 262;
/** A bold line's length in mm (Tinos measures as Times New Roman). */
const textMm = (text: string, size: number) => (fontMeasure(size)(text, 'bold') * 25.4) / 72;

/** The header block's columns (agency; Quốc hiệu) and how far it reaches into the left margin, in mm. */
const HEADER_LEFT = 82;
const HEADER_RIGHT = 92;
const HEADER_OUTDENT = 9;

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

interface Line {
  text: string;
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function centred(lines: Line[], spacingAfter = 0): Paragraph[] {
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: spacingAfter },
        children: [
          new TextRun({ text: line.text, bold: line.bold, italics: line.italics, size: pt(line.size ?? 13) }),
        ],
      }),
  );
}

/**
 * A short rule under a heading line: a bottom border on an empty paragraph indented from both sides,
 * its line exactly 4 pt high so that the rule sits directly under the text above, not a line lower.
 */
function rule(indent: number): Paragraph {
  return new Paragraph({
    indent: { left: mm(indent), right: mm(indent) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after: 100, line: 80, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: pt(1) })],
  });
}

function headerBlock(doc: ReportDocument): Table {
  // The agency's name in 12 pt bold is 78 mm long and the Quốc hiệu 88 mm: more than the 165 mm between
  // the margins, so the block reaches 9 mm into the wide left margin, as offices' templates do, rather
  // than wrap either. Widths are fixed in twips: LibreOffice ignores percentages.
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: mm(width), type: WidthType.DXA },
      borders: NO_BORDERS,
      margins: { left: 30, right: 30 },
    });
  return new Table({
    width: { size: mm(HEADER_LEFT + HEADER_RIGHT), type: WidthType.DXA },
    indent: { size: -mm(HEADER_OUTDENT), type: WidthType.DXA },
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    columnWidths: [mm(HEADER_LEFT), mm(HEADER_RIGHT)],
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...centred([
                { text: doc.issuer.parent, size: 12 },
                ...headerLines(doc.issuer.name).map((text) => ({ text, bold: true, size: 12 })),
              ]),
              rule(22),
              ...centred([{ text: doc.numberLine, size: 13 }]),
            ],
            HEADER_LEFT,
          ),
          cell(
            [
              ...centred([
                { text: NATIONAL_NAME, bold: true, size: 12 },
                { text: MOTTO, bold: true, size: 13 },
              ]),
              // As long as the Tiêu ngữ itself (Nghị định 30, Phụ lục I).
              rule((HEADER_RIGHT - textMm(MOTTO, 13)) / 2),
              ...centred([{ text: doc.dateLine, italics: true, size: 13 }]),
            ],
            HEADER_RIGHT,
          ),
        ],
      }),
    ],
  });
}

function body(text: string, children?: ParagraphChild[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 60, after: 60, line: 300 },
    children: children ?? [new TextRun({ text })],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 60 },
    indent: { firstLine: mm(10) },
    keepNext: true,
    children: [new TextRun({ text, bold: true })],
  });
}

/** Inner margin of a figures cell on each side, in twips (3 pt, as in the PDF). */
const CELL_PADDING = 60;

/**
 * A bordered table of figures: bold shaded header, numbers right-aligned, the totals row bold, the
 * columns as wide as their contents ask (column-widths.ts), fixed in twips because LibreOffice ignores
 * percentages.
 */
function figuresTable(table: ReportTable, size: number, widthMm: number): Table {
  const texts = table.rows.map((row) =>
    row.cells.map((value, i) => formatCell(value, cellKind(table, row, i))),
  );
  const points = columnWidths(
    table.columns,
    texts,
    fontMeasure(size),
    CELL_PADDING / 20,
    (widthMm * 72) / 25.4,
  );
  const widths = points.map((w) => Math.floor(w * 20));
  const cell = (text: string, i: number, options: { bold?: boolean; header?: boolean; right?: boolean }) =>
    new TableCell({
      width: { size: widths[i] as number, type: WidthType.DXA },
      borders: CELL_BORDERS,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: CELL_PADDING, right: CELL_PADDING, top: 20, bottom: 20 },
      shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
      children: [
        new Paragraph({
          alignment: options.header
            ? AlignmentType.CENTER
            : options.right
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: options.bold || options.header, size: pt(size) })],
        }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        keepNext: true,
        children: table.columns.map((c, i) => cell(c.header, i, { header: true })),
      }),
      ...table.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            // The header with the first row, and the totals with the row above it: no row alone at a
            // page's foot or head.
            keepNext: r === 0 || r === table.rows.length - 2,
            children: (texts[r] as string[]).map((text, i) =>
              cell(text, i, { bold: row.total, right: cellKind(table, row, i) !== 'TEXT' }),
            ),
          }),
      ),
    ],
  });
}

function signatureBlock(issuer: Issuer): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: mm(width), type: WidthType.DXA }, borders: NO_BORDERS });
  const recipients = [
    new Paragraph({
      children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })],
    }),
    ...issuer.recipients.map(
      (r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: pt(11) })] }),
    ),
  ];
  const blank = () => new Paragraph({ children: [new TextRun({ text: '', size: pt(14) })] });
  const signer = [
    ...centred([{ text: issuer.signerTitle, bold: true, size: 14 }]),
    blank(),
    blank(),
    blank(),
    blank(),
    ...centred([{ text: SIGNER_NAME_PLACEHOLDER, bold: true, size: 14 }]),
  ];
  return new Table({
    width: { size: mm(TEXT_WIDTH), type: WidthType.DXA },
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    columnWidths: [mm(85), mm(TEXT_WIDTH - 85)],
    rows: [
      new TableRow({ cantSplit: true, children: [cell(recipients, 85), cell(signer, TEXT_WIDTH - 85)] }),
    ],
  });
}

function spacer(after = 120): Paragraph {
  return new Paragraph({ spacing: { after }, children: [] });
}

/** The report as a .docx file. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const annex = doc.tables.flatMap((table) => [
    new Paragraph({
      spacing: { before: 240, after: 60 },
      keepNext: true,
      children: [new TextRun({ text: table.title, bold: true, size: pt(12) })],
    }),
    ...(table.note
      ? [
          new Paragraph({
            spacing: { after: 60 },
            keepNext: true,
            children: [new TextRun({ text: table.note, italics: true, size: pt(11) })],
          }),
        ]
      : []),
    figuresTable(table, 9, ANNEX_WIDTH),
  ]);
  // Nghị định 30: the page number at the top, centred, from the second page on (the annex included).
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
      }),
    ],
  });
  const document = new Document({
    // Document properties name the issuing office, as its văn thư files it.
    creator: doc.issuer.inSentence,
    lastModifiedBy: doc.issuer.inSentence,
    title: doc.titleLines.join(' '),
    subject: doc.titleLines[1] ?? doc.annexTitle,
    description: `${doc.numberLine}. ${doc.dateLine}`,
    keywords: 'VssID; báo cáo',
    // Marked Vietnamese, so that Word checks its spelling as Vietnamese rather than flag every word.
    styles: { default: { document: { run: { font: FONT, size: pt(14), language: { value: 'vi-VN' } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { orientation: PageOrientation.PORTRAIT, width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          headerBlock(doc),
          spacer(240),
          ...centred(doc.titleLines.map((text, i) => ({ text, bold: i < 2, italics: i === 2, size: 14 }))),
          rule(55),
          body(doc.introduction),
          heading('I. KẾT QUẢ TRIỂN KHAI'),
          ...doc.narrative.slice(0, 2).map((p) => body(p)),
          spacer(60),
          figuresTable(doc.summary, 12, TEXT_WIDTH),
          heading('II. ĐÁNH GIÁ, DỰ BÁO'),
          ...doc.narrative.slice(2).map((p) => body(p)),
          body(
            'Số liệu chi tiết theo địa bàn, cơ quan quản lý, khối, cán bộ phụ trách và đơn vị tại Phụ lục kèm theo.',
          ),
          ...doc.notes.flatMap((section) => [
            ...(section.heading ? [heading(section.heading)] : []),
            ...section.paragraphs.map((p) => body(p)),
          ]),
          spacer(240),
          signatureBlock(doc.issuer),
        ],
      },
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(20), right: mm(15) },
          },
        },
        headers: { default: pageNumber },
        children: [
          ...centred([{ text: doc.annexTitle, bold: true, size: 14 }]),
          ...centred([{ text: doc.annexSubtitle, italics: true, size: 13 }], 120),
          ...annex,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

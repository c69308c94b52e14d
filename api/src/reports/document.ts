import type { IsoDate } from '../lib/dates.ts';
import type { ReportFigures } from './figures.ts';
import { formatDate, formatLongDate } from './format.ts';
import { REPORT_TITLE, reportNarrative, reportSubject } from './narrative.ts';
import { type ReportTable, reportTables, summaryTable } from './tables.ts';

/*
 * The words around the figures of the administrative document (Nghị định 30/2020/NĐ-CP), shared by the
 * DOCX and PDF writers so that both print the same document.
 */

export const PARENT_AGENCY = 'BẢO HIỂM XÃ HỘI VIỆT NAM';
export const AGENCY = 'BẢO HIỂM XÃ HỘI TỈNH KHÁNH HÒA';
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const PLACE = 'Khánh Hòa';
export const SIGNER_TITLE = 'GIÁM ĐỐC';
/** The signer's name is written by hand or typed in the DOCX before signing. */
export const SIGNER_NAME_PLACEHOLDER = '………………………………';

export const RECIPIENTS = [
  'Tỉnh ủy Khánh Hòa (để báo cáo);',
  'UBND tỉnh Khánh Hòa (để báo cáo);',
  'BHXH Việt Nam (để báo cáo);',
  'Giám đốc, các Phó Giám đốc;',
  'BHXH các huyện, thị xã, thành phố;',
  'Lưu: VT, QLT.',
];

export const INTRODUCTION =
  'Thực hiện Công văn số 1499/UBND-KGVX ngày 01/3/2021 của UBND tỉnh Khánh Hòa và Kế hoạch số ' +
  '818/KH-BHXH ngày 31/3/2021 của BHXH Việt Nam về triển khai ứng dụng VssID – Bảo hiểm xã hội số, ' +
  'Bảo hiểm xã hội tỉnh Khánh Hòa báo cáo tiến độ triển khai như sau:';

/** What a rendered report carries besides its figures: its number once published, and its date. */
export interface DocumentMeta {
  /** "12/BC-BHXH" once published; null for a draft, which prints "Số: …/BC-BHXH". */
  number: string | null;
  /** The day the document is issued (the date line). */
  issuedOn: IsoDate;
}

/** Everything a writer prints, in order. */
export interface ReportDocument {
  numberLine: string;
  dateLine: string;
  /** "BÁO CÁO", then the subject lines. */
  titleLines: string[];
  introduction: string;
  narrative: string[];
  summary: ReportTable;
  /**
   * The office's notes after the figures: headings numbered on from the document's own two (III, IV,
   * …) and in capitals as those are; paragraphs before the first heading have none.
   */
  notes: { heading: string | null; paragraphs: string[] }[];
  annexTitle: string;
  annexSubtitle: string;
  tables: ReportTable[];
}

/** The two sections the document writes itself: I. KẾT QUẢ TRIỂN KHAI and II. ĐÁNH GIÁ, DỰ BÁO. */
const OWN_SECTIONS = 2;

/** The notes as the document prints them: headings numbered and in capitals. */
export function numberedNotes(figures: ReportFigures): ReportDocument['notes'] {
  let n = OWN_SECTIONS;
  return (figures.notes ?? []).map((section) => {
    if (section.heading === null) return { heading: null, paragraphs: section.paragraphs };
    n += 1;
    return {
      heading: `${roman(n)}. ${section.heading.toLocaleUpperCase('vi')}`,
      paragraphs: section.paragraphs,
    };
  });
}

/** 3 → "III", up to the few sections a report has. */
function roman(n: number): string {
  const numerals: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, numeral] of numerals)
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  return out;
}

/** A geography's name as the title line reads it, without the name's own colon-led detail. */
function mapPeriod(name: string): string {
  const period = name.split(':')[0] ?? name;
  return period.charAt(0).toLowerCase() + period.slice(1);
}

export function reportDocument(figures: ReportFigures, meta: DocumentMeta): ReportDocument {
  const number = meta.number ?? '…/BC-BHXH';
  const subject = reportSubject(figures);
  // A district's title names it bare ("Thành phố Nha Trang, tính đến ngày …").
  const scope = figures.office || figures.area.level === 'PROVINCE' ? subject : figures.area.name;
  return {
    numberLine: `Số: ${number}`,
    dateLine: `${PLACE}, ${formatLongDate(meta.issuedOn)}`,
    titleLines: [
      'BÁO CÁO',
      REPORT_TITLE.replace(/^Báo cáo t/, 'T'),
      `${scope}, tính đến ngày ${formatDate(figures.asOf)}`,
      ...(figures.area.geography
        ? [`(Theo địa giới hành chính ${mapPeriod(figures.area.geography.name)})`]
        : []),
    ],
    introduction: INTRODUCTION,
    narrative: reportNarrative(figures),
    summary: summaryTable(figures),
    notes: numberedNotes(figures),
    annexTitle: 'PHỤ LỤC',
    annexSubtitle: `Số liệu chi tiết kèm theo Báo cáo số ${number} ngày ${formatDate(meta.issuedOn)} của Bảo hiểm xã hội tỉnh Khánh Hòa`,
    tables: reportTables(figures),
  };
}

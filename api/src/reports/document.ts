import type { IsoDate } from '../lib/dates.ts';
import type { ReportFigures } from './figures.ts';
import { formatDate, formatLongDate } from './format.ts';
import { type Issuer, PROVINCIAL_ISSUER } from './issuer.ts';
import { REPORT_TITLE, reportNarrative, reportSubject } from './narrative.ts';
import { type ReportTable, reportTables, summaryTable } from './tables.ts';

/*
 * The words around the figures of the administrative document (Nghị định 30/2020/NĐ-CP), shared by the
 * DOCX and PDF writers so that both print the same document.
 */

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The signer's name is written by hand or typed in the DOCX before signing. */
export const SIGNER_NAME_PLACEHOLDER = '………………………………';

/** The opening sentence: the documents the rollout follows, and who reports. */
function introduction(issuer: Issuer): string {
  return (
    'Thực hiện Công văn số 1499/UBND-KGVX ngày 01/3/2021 của UBND tỉnh Khánh Hòa và Kế hoạch số ' +
    '818/KH-BHXH ngày 31/3/2021 của BHXH Việt Nam về triển khai ứng dụng VssID – Bảo hiểm xã hội số, ' +
    `${issuer.inSentence} báo cáo tiến độ triển khai như sau:`
  );
}

/** What a rendered report carries besides its figures: its number once published, and its date. */
export interface DocumentMeta {
  /** "12/BC-BHXH" once published; null for a draft, which prints "Số: …/BC-BHXH". */
  number: string | null;
  /** The day the document is issued (the date line). */
  issuedOn: IsoDate;
}

/** Everything a writer prints, in order. */
export interface ReportDocument {
  /** Who issues it: the header's agency, the date line's place, the signature, "Nơi nhận". */
  issuer: Issuer;
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
  // Reports published before each office issued its own were the province's.
  const issuer = figures.issuer ?? PROVINCIAL_ISSUER;
  const subject = reportSubject(figures);
  // A district's title names it bare ("Thành phố Nha Trang, tính đến ngày …").
  const scope = figures.office || figures.area.level === 'PROVINCE' ? subject : figures.area.name;
  return {
    issuer,
    numberLine: `Số: ${number}`,
    dateLine: `${issuer.place}, ${formatLongDate(meta.issuedOn)}`,
    titleLines: [
      'BÁO CÁO',
      REPORT_TITLE.replace(/^Báo cáo t/, 'T'),
      `${scope}, tính đến ngày ${formatDate(figures.asOf)}`,
      ...(figures.area.geography
        ? [`(Theo địa giới hành chính ${mapPeriod(figures.area.geography.name)})`]
        : []),
    ],
    introduction: introduction(issuer),
    narrative: reportNarrative(figures),
    summary: summaryTable(figures),
    notes: numberedNotes(figures),
    annexTitle: 'PHỤ LỤC',
    annexSubtitle: `Số liệu chi tiết kèm theo Báo cáo số ${number} ngày ${formatDate(meta.issuedOn)} của ${issuer.inSentence}`,
    tables: reportTables(figures),
  };
}

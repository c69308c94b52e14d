import { createHash } from 'node:crypto';
import { type DocumentMeta, reportDocument } from './document.ts';
import type { ReportFigures } from './figures.ts';
import { formatDate } from './format.ts';
import { REPORT_FORMATS, type ReportFormat } from './formats.ts';
import { subjectName } from './narrative.ts';

export { REPORT_FORMATS, type ReportFormat };

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The report's figures written as one file format. */
export async function renderReport(
  figures: ReportFigures,
  format: ReportFormat,
  meta: DocumentMeta,
): Promise<Buffer> {
  const document = reportDocument(figures, meta);
  // Each writer is loaded with the first file of its format, not with the server: pdfkit, docx and
  // exceljs are ~50 MB and a second of every start, and most starts never write a report.
  switch (format) {
    case 'docx':
      return (await import('./docx.ts')).renderDocx(document);
    case 'pdf':
      return (await import('./pdf.ts')).renderPdf(document);
    case 'xlsx':
      return (await import('./xlsx.ts')).renderXlsx(
        document,
        `Số liệu đến ngày ${formatDate(figures.asOf)}, so sánh với ngày ${formatDate(figures.compare)}`,
      );
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The file's name: "Bao-cao-VssID-Thanh-pho-Nha-Trang-2021-09-30.pdf" for old clients, and the
 * Vietnamese one ("Báo cáo VssID – Thành phố Nha Trang – 30-09-2021.pdf") for the RFC 5987 header.
 */
export function reportFileName(figures: ReportFigures, format: ReportFormat, number?: string | null) {
  const prefix = number ? `Báo cáo ${number.replace('/', '-')}` : 'Báo cáo VssID';
  const unicode = `${prefix} – ${subjectName(figures)} – ${formatDate(figures.asOf).replaceAll('/', '-')}.${format}`;
  const ascii = unicode
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-');
  return { unicode, ascii };
}

/** Content-Disposition for a download with a Vietnamese name (RFC 6266 with RFC 5987's filename*). */
export function contentDisposition(name: { unicode: string; ascii: string }): string {
  const encoded = encodeURIComponent(name.unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}

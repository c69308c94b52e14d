import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { WorkbookParts } from './zip.ts';

/*
 * exceljs's streaming reader, given the workbook's parts in the order it needs them, from the zip's
 * central directory (zip.ts), instead of walking the zip itself.
 *
 * Its own walk (`WorkbookReader.parse`, unzipper's `Parse` read through exceljs's `iterateStream`)
 * loses parts when the process is busy: a sheet met before xl/workbook.xml waits in a temporary file,
 * and by the time it is written the walk has ended without the workbook's last part, so exceljs fails
 * on `this.model.sheets` (exceljs#3064, open; its fix, #3065, reads the central directory as here). It
 * failed a CI run once in hundreds; with a slow disk it fails every time. This drives the same
 * reader's own part parsers (relationships, workbook, shared strings, one worksheet), as that fix
 * does, so cells, shared strings and dates are read exactly as before. They are exceljs's internals:
 * exceljs 4.4.0, its last release, is pinned; a test reads a workbook while the disk is slow.
 */

/** What the streaming reader keeps of the workbook, and the part parsers `parse` calls in turn. */
interface ReaderInternals {
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: ExcelJS.CellValue[];
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ eventType: string; value: unknown }>;
}

export interface FirstSheet {
  /** Whether the workbook counts days from 1904. */
  date1904: boolean;
  /** Every shared string, as exceljs cached them (checked against the limits before rows are read). */
  sharedStrings: ExcelJS.CellValue[];
  /** The first sheet's rows, streamed; none when the workbook has no worksheet first. */
  rows: AsyncIterable<ExcelJS.Row>;
}

const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)[.]xml$/;

/** Reads the workbook's first sheet (in the workbook's order, not the zip's) from its measured parts. */
export async function readFirstSheet(parts: WorkbookParts): Promise<FirstSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  const part = (name: string) => parts.get(name)?.stream() as Readable | undefined;
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const sheetNo = firstSheetNo(reader, parts);
  const sheet = sheetNo === null ? undefined : part(`xl/worksheets/sheet${sheetNo}.xml`);
  let rows: AsyncIterable<ExcelJS.Row> = (async function* () {})();
  if (sheet && sheetNo !== null)
    for (const { eventType, value } of reader._parseWorksheet(sheet, sheetNo))
      if (eventType === 'worksheet') rows = value as AsyncIterable<ExcelJS.Row>;
  return {
    date1904: reader.properties?.model?.date1904 === true,
    sharedStrings: reader.sharedStrings ?? [],
    rows,
  };
}

/**
 * The number in the first sheet's part name (xl/worksheets/sheet<n>.xml): the workbook's first
 * sheet through its relationship, or, in a workbook that does not say, the first worksheet part the
 * zip lists. Null when the first sheet is not a worksheet (a chart sheet) or there is none.
 */
function firstSheetNo(reader: ReaderInternals, parts: WorkbookParts): string | null {
  const first = reader.model?.sheets?.[0];
  if (first) {
    const target = reader.workbookRels?.find((rel) => rel.Id === first.rId)?.Target;
    if (target === undefined) return null;
    // Relative to xl/, as Excel writes it, or absolute from the zip's root.
    const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return WORKSHEET_PART.exec(name)?.[1] ?? null;
  }
  for (const name of parts.keys()) {
    const no = WORKSHEET_PART.exec(name)?.[1];
    if (no !== undefined) return no;
  }
  return null;
}

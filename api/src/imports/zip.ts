import { type File, Open } from 'unzipper';
import { FileRefusedError } from './encoding.ts';
import {
  count,
  MAX_CELL_LENGTH,
  MAX_SHARED_STRINGS_BYTES,
  MAX_XLSX_ROWS,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  MAX_XML_RUN_BYTES,
  size,
} from './limits.ts';
import { problem } from './problems.ts';

/*
 * A workbook measured before exceljs reads it, and the zip exceljs is then given to read.
 *
 * exceljs's own streaming reader walks the zip with unzipper's `Parse` and loses parts at random when
 * the process is busy (exceljs#3064: a workbook refused as "Cannot read properties of undefined
 * (reading 'sheets')" once its last part, xl/workbook.xml, went missing). So read.ts hands exceljs the
 * parts itself, from the central directory (`Open.buffer`), and this module measures the very same
 * parts, inflated by the very same reader, before exceljs sees any of them: a 2 MB file whose shared
 * strings expand to 580 MB cost 2,5 GB and 48 s before it was refused.
 *
 * 1. The sizes the central directory declares: a workbook that says it is too big is refused at once.
 * 2. Every part, inflated as read.ts would inflate it, every byte counted and thrown away, the walk
 *    stopped as soon as a limit is passed. Headers can lie about sizes; the count cannot. A part the
 *    directory does not list is never read, so it costs nothing.
 * 3. In the parts exceljs parses as XML, no run of bytes without a `<` (one text, one tag) longer
 *    than a cell can be: exceljs would gather it into one string before a row is seen.
 * 4. In each sheet, its rows (`<row` tags) counted: a sheet of more rows than Excel's is refused in
 *    a fraction of a second, not after exceljs has parsed a million of them (read.ts counts them again
 *    as they stream).
 */

const LESS_THAN = 0x3c;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;

/** The parts exceljs parses as XML (its own tests of the names, unanchored as its are). */
function parsedAsXml(name: string): boolean {
  return (
    name === SHARED_STRINGS ||
    name === 'xl/workbook.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    WORKSHEET.test(name)
  );
}

function unreadable(why: string, whyVi: string): FileRefusedError {
  return new FileRefusedError(
    problem('UNREADABLE_FILE', {
      en: `The file cannot be read as an Excel workbook (.xlsx): ${why}`,
      vi: `Không đọc được tệp dạng bảng tính Excel (.xlsx): ${whyVi}`,
    }),
  );
}

function overLimit(en: string, vi: string): FileRefusedError {
  return new FileRefusedError(problem('OVER_LIMIT', { en, vi }));
}

const SPLIT = 'Split it into smaller files, or save it as "CSV UTF-8".';
const SPLIT_VI = 'Hãy chia thành các tệp nhỏ hơn, hoặc lưu dạng "CSV UTF-8".';

/**
 * The workbook, or its shared strings, past their limit: `found` as declared by the central directory,
 * or, `counted`, the inflated bytes where counting stopped, with what the directory declared.
 */
function tooBig(
  part: 'workbook' | 'sharedStrings',
  found: number,
  counted: { declared: number | null } | null,
): FileRefusedError {
  const limit = size(part === 'workbook' ? MAX_XLSX_UNCOMPRESSED_BYTES : MAX_SHARED_STRINGS_BYTES);
  const figure = counted ? { en: `more than ${size(found).en}`, vi: `hơn ${size(found).vi}` } : size(found);
  const declared = counted?.declared != null ? size(counted.declared) : null;
  const lie = declared
    ? { en: ` (its zip headers declare ${declared.en})`, vi: ` (phần đầu tệp zip khai ${declared.vi})` }
    : { en: '', vi: '' };
  return part === 'workbook'
    ? overLimit(
        `the workbook expands to ${figure.en} uncompressed${lie.en}; at most ${limit.en} is read. ${SPLIT}`,
        `bảng tính giải nén ra ${figure.vi}${lie.vi}; chỉ đọc tối đa ${limit.vi}. ${SPLIT_VI}`,
      )
    : overLimit(
        `the workbook's shared strings (${SHARED_STRINGS}) expand to ${figure.en}${lie.en}; at most ${limit.en} is read. ${SPLIT}`,
        `phần chuỗi dùng chung của bảng tính (${SHARED_STRINGS}) giải nén ra ${figure.vi}${lie.vi}; chỉ đọc tối đa ${limit.vi}. ${SPLIT_VI}`,
      );
}

/** A workbook's parts as its central directory lists them, by name: what read.ts gives exceljs. */
export type WorkbookParts = ReadonlyMap<string, File>;

/**
 * The workbook's parts, once measured: refused (FileRefusedError) when it passes a limit or is not a
 * zip that can be read.
 */
export async function inspectXlsx(bytes: Buffer): Promise<WorkbookParts> {
  const files = await directoryOf(bytes);
  const declared = declaredSizes(files);
  if (declared) {
    if (declared.total > MAX_XLSX_UNCOMPRESSED_BYTES) throw tooBig('workbook', declared.total, null);
    if (declared.sharedStrings > MAX_SHARED_STRINGS_BYTES)
      throw tooBig('sharedStrings', declared.sharedStrings, null);
  }
  let total = 0;
  let sharedStrings = 0;
  for (const file of files) {
    const runs = parsedAsXml(file.path) ? new RunScanner(file.path) : null;
    const rows = WORKSHEET.test(file.path) ? new RowCounter(file.path) : null;
    const shared = file.path === SHARED_STRINGS;
    await inflate(file, (chunk) => {
      total += chunk.length;
      if (shared) sharedStrings += chunk.length;
      if (shared && sharedStrings > MAX_SHARED_STRINGS_BYTES)
        throw tooBig('sharedStrings', MAX_SHARED_STRINGS_BYTES, {
          declared: declared?.sharedStrings ?? null,
        });
      if (total > MAX_XLSX_UNCOMPRESSED_BYTES)
        throw tooBig('workbook', MAX_XLSX_UNCOMPRESSED_BYTES, { declared: declared?.total ?? null });
      runs?.scan(chunk);
      rows?.scan(chunk);
    });
  }
  return new Map(files.map((file) => [file.path, file]));
}

const LOCAL_HEADER = Buffer.from('PK\u0003\u0004', 'latin1');

/** The files (not folders) the central directory lists, in its order. */
async function directoryOf(bytes: Buffer): Promise<File[]> {
  try {
    const { files } = await Open.buffer(bytes);
    return files.filter((file) => file.type === 'File');
  } catch {
    // unzipper finds no end of central directory (FILE_ENDED): a zip begun but cut, or no zip at all.
    throw bytes.subarray(0, 4).equals(LOCAL_HEADER)
      ? unreadable('the zip archive is cut short', 'tệp nén zip bị cắt cụt')
      : unreadable('it is not a zip archive', 'tệp không phải dạng nén zip');
  }
}

/** The uncompressed sizes the directory declares: all parts, and the shared strings; null when one is unknown. */
function declaredSizes(files: File[]): { total: number; sharedStrings: number } | null {
  let total = 0;
  let sharedStrings = 0;
  for (const file of files) {
    // A zip64 size without its extra field is undefined: not a declaration.
    if (!Number.isFinite(file.uncompressedSize)) return null;
    total += file.uncompressedSize;
    if (file.path === SHARED_STRINGS) sharedStrings += file.uncompressedSize;
  }
  return { total, sharedStrings };
}

/** Hands every inflated chunk of the part to `take`, which throws to stop; a damaged part is refused. */
async function inflate(file: File, take: (chunk: Buffer) => void): Promise<void> {
  const stream = file.stream();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) take(chunk);
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    const { message } = error as Error;
    throw message === 'FILE_ENDED'
      ? unreadable(`${file.path} is cut short`, `${file.path} bị cắt cụt`)
      : unreadable(`${file.path} is damaged (${message})`, `${file.path} bị hỏng (${message})`);
  } finally {
    stream.destroy();
  }
}

/** Finds a run of more than MAX_XML_RUN_BYTES bytes without a `<`, across chunks, in a few calls per chunk. */
class RunScanner {
  /** Bytes since the last `<`. */
  private run = 0;
  constructor(private readonly name: string) {}

  scan(chunk: Buffer): void {
    let at = 0;
    for (;;) {
      // The next `<` must come within what is left of the allowed run: jump to the last one in reach.
      const reach = at + (MAX_XML_RUN_BYTES - this.run);
      if (reach >= chunk.length) {
        const last = chunk.lastIndexOf(LESS_THAN);
        this.run = last >= at ? chunk.length - last - 1 : this.run + chunk.length - at;
        return;
      }
      const last = chunk.lastIndexOf(LESS_THAN, reach);
      if (last < at) throw this.refusal();
      at = last + 1;
      this.run = 0;
    }
  }

  private refusal(): FileRefusedError {
    const limit = size(MAX_XML_RUN_BYTES);
    return overLimit(
      `${this.name} holds a text or tag of more than ${limit.en} in one piece, longer than a cell can be (at most ${count(MAX_CELL_LENGTH)} characters)`,
      `${this.name} chứa một đoạn văn bản hoặc thẻ dài hơn ${limit.vi} liền một khối, dài hơn một ô có thể chứa (tối đa ${count(MAX_CELL_LENGTH)} ký tự)`,
    );
  }
}

const ROW_TAG = Buffer.from('<row');
/** What may follow `<row` in a row's tag (not `<rowBreaks`). */
const AFTER_ROW_TAG = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

/** Counts a sheet's `<row` tags across chunks; refuses past MAX_XLSX_ROWS. */
class RowCounter {
  private rows = 0;
  /** The last bytes of the previous chunk, where a tag may have begun. */
  private carry = Buffer.alloc(0);
  constructor(private readonly name: string) {}

  scan(chunk: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // A tag is counted once the byte after it is known; one at the very end waits for the next chunk.
    const end = data.length - ROW_TAG.length;
    for (let at = data.indexOf(ROW_TAG); at >= 0 && at < end; at = data.indexOf(ROW_TAG, at + 1)) {
      if (!AFTER_ROW_TAG.has(data[at + ROW_TAG.length] as number)) continue;
      if (++this.rows > MAX_XLSX_ROWS)
        throw overLimit(
          `${this.name} has more than ${count(MAX_XLSX_ROWS)} rows, Excel's own limit. ${SPLIT}`,
          `${this.name} có hơn ${count(MAX_XLSX_ROWS)} dòng, giới hạn của chính Excel. ${SPLIT_VI}`,
        );
    }
    this.carry = Buffer.from(data.subarray(Math.max(0, end)));
  }
}

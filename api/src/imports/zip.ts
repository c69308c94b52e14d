import { createInflateRaw } from 'node:zlib';
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
 * A workbook measured before exceljs reads it. exceljs (through unzipper) walks the zip's local
 * headers in order and inflates every part it meets, keeping the shared strings in memory: a 2 MB
 * file whose shared strings expand to 580 MB cost 2,5 GB and 48 s before it was refused. So:
 *
 * 1. The central directory's declared sizes: a workbook that says it is too big is refused at once.
 * 2. The parts walked as unzipper walks them (local headers in order, the same bytes fed to the same
 *    inflater, node:zlib), every inflated byte counted and thrown away, the inflating stopped as
 *    soon as a limit is passed. Headers can lie about sizes, and a reader of the central directory
 *    can be shown other parts than the ones a streaming reader then meets; the count cannot.
 * 3. In the parts exceljs parses as XML, no run of bytes without a `<` (one text, one tag) longer
 *    than a cell can be: exceljs would gather it into one string before a row is seen.
 * 4. In each sheet, its rows (`<row` tags) counted: a sheet of more rows than Excel's is refused in
 *    a fraction of a second, not after exceljs has parsed a million of them (read.ts counts them again
 *    as they stream).
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
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

/** Refuses the workbook (FileRefusedError) when it passes a limit or is not a zip exceljs could walk. */
export async function inspectXlsx(bytes: Buffer): Promise<void> {
  const declared = declaredSizes(bytes);
  if (declared) {
    if (declared.total > MAX_XLSX_UNCOMPRESSED_BYTES) throw tooBig('workbook', declared.total, null);
    if (declared.sharedStrings > MAX_SHARED_STRINGS_BYTES)
      throw tooBig('sharedStrings', declared.sharedStrings, null);
  }
  let total = 0;
  let sharedStrings = 0;
  for (const part of localParts(bytes)) {
    const runs = parsedAsXml(part.name) ? new RunScanner(part.name) : null;
    const rows = WORKSHEET.test(part.name) ? new RowCounter(part.name) : null;
    const shared = part.name === SHARED_STRINGS;
    const data = bytes.subarray(part.dataStart, part.dataEnd);
    const take = (chunk: Buffer) => {
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
    };
    // unzipper inflates any method but 0 (stored), whatever its number.
    if (part.method === 0) take(data);
    else await inflateCounted(part.name, data, take);
  }
}

interface LocalPart {
  name: string;
  method: number;
  dataStart: number;
  dataEnd: number;
}

/** The parts in the order unzipper meets them, each with the bytes it would feed its inflater. */
function* localParts(bytes: Buffer): Generator<LocalPart> {
  let offset = 0;
  while (offset + 4 <= bytes.length) {
    const signature = bytes.readUInt32LE(offset);
    if (signature === CENTRAL_HEADER || signature === END_OF_DIRECTORY) return;
    if (signature !== LOCAL_HEADER || offset + 30 > bytes.length)
      throw unreadable('it is not a zip archive', 'tệp không phải dạng nén zip');
    const flags = bytes.readUInt16LE(offset + 6);
    const method = bytes.readUInt16LE(offset + 8);
    let compressedSize: number | null = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extraLength = bytes.readUInt16LE(offset + 28);
    const nameStart = offset + 30;
    const dataStart = nameStart + nameLength + extraLength;
    if (dataStart > bytes.length) throw unreadable('the zip archive is cut short', 'tệp nén zip bị cắt cụt');
    const name = bytes.toString('utf8', nameStart, nameStart + nameLength);
    if (compressedSize === 0xffffffff)
      compressedSize = zip64CompressedSize(bytes.subarray(nameStart + nameLength, dataStart));
    // As unzipper: sizes after the data (flag bit 3) are used only when the header gives none.
    const sizeKnown = (flags & 0x08) === 0 || (compressedSize ?? 0) > 0;
    let dataEnd: number;
    let next: number;
    if (sizeKnown) {
      if (compressedSize === null)
        throw unreadable(`the size of ${name} is missing`, `thiếu kích thước của ${name}`);
      dataEnd = dataStart + compressedSize;
      next = dataEnd;
    } else {
      dataEnd = bytes.indexOf(DATA_DESCRIPTOR, dataStart);
      if (dataEnd < 0) throw unreadable('the zip archive is cut short', 'tệp nén zip bị cắt cụt');
      next = dataEnd + 16;
    }
    if (dataEnd > bytes.length) throw unreadable('the zip archive is cut short', 'tệp nén zip bị cắt cụt');
    yield { name, method, dataStart, dataEnd };
    offset = next;
  }
}

/** The compressed size in a local header's zip64 field, read where unzipper reads it; null without one. */
function zip64CompressedSize(extra: Buffer): number | null {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) return at + 20 <= extra.length ? Number(extra.readBigUInt64LE(at + 12)) : null;
    at += 4 + length;
  }
  return null;
}

/**
 * The uncompressed sizes the central directory declares: all parts, and the shared strings. Null when
 * the directory cannot be read plainly (zip64, damaged): then only the count decides.
 */
function declaredSizes(bytes: Buffer): { total: number; sharedStrings: number } | null {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  const start = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || start === 0xffffffff) return null;
  let total = 0;
  let sharedStrings = 0;
  let at = start;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    let uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) return null;
    // A zip64 size is larger than any limit here: count it as what it says, at least 4 GB.
    if (uncompressed === 0xffffffff) uncompressed = Number.MAX_SAFE_INTEGER;
    total += uncompressed;
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === SHARED_STRINGS)
      sharedStrings += uncompressed;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { total, sharedStrings };
}

/** Inflates `data` as unzipper would, handing each chunk to `take` (which throws to stop), keeping none. */
function inflateCounted(name: string, data: Buffer, take: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 1 << 16 });
    let stopped = false;
    inflater.on('data', (chunk: Buffer) => {
      if (stopped) return;
      try {
        take(chunk);
      } catch (error) {
        stopped = true;
        inflater.destroy();
        reject(error);
      }
    });
    inflater.on('error', (error) => {
      if (stopped) return;
      stopped = true;
      reject(unreadable(`${name} is damaged (${error.message})`, `${name} bị hỏng (${error.message})`));
    });
    inflater.on('end', () => {
      if (!stopped) resolve();
    });
    inflater.end(data);
  });
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

import { PassThrough } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/*
 * Workbooks that attack the reader: a zip written part by part, so that a part can be a deflate
 * stream of hundreds of megabytes made without holding them (a "zip bomb"), and so that the sizes a
 * header declares can lie. The ordinary parts come from a real workbook (exceljs), read with jszip.
 */

export interface ZipPart {
  name: string;
  /** The part's bytes as stored: a raw deflate stream (method 8) or the bytes themselves (method 0). */
  stored: Buffer;
  method: 0 | 8;
  crc: number;
  /** The real uncompressed size. */
  size: number;
  /** The uncompressed size the headers declare (a lie when it is not `size`). */
  declaredSize?: number;
  /** Sizes after the data (flag bit 3) instead of in the local header, as streaming writers do. */
  dataDescriptor?: boolean;
  /** Left out of the central directory: only a reader that walks the local headers sees it. */
  hidden?: boolean;
}

export function deflatedPart(name: string, content: string | Buffer): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, stored: deflateRawSync(bytes), method: 8, crc: crc32(bytes), size: bytes.length };
}

/**
 * A part of about `size` bytes made of `head`, then `unit` repeated, then `tail`, deflated as it is
 * generated (memory stays small): `unit` repeated compresses about a thousand to one.
 */
export async function repeatedPart(
  name: string,
  head: string,
  unit: string,
  tail: string,
  size: number,
): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const unitBytes = Buffer.from(unit, 'utf8');
  const block = Buffer.alloc(Math.floor((1 << 20) / unitBytes.length) * unitBytes.length);
  for (let i = 0; i < block.length; i += unitBytes.length) unitBytes.copy(block, i);
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  let crc = crc32(headBytes);
  const write = async (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(headBytes);
  // Whole units only, so that the part stays well-formed XML: its size is `size` or a little less.
  let left = size - headBytes.length - tailBytes.length;
  left -= left % unitBytes.length;
  const written = headBytes.length + left + tailBytes.length;
  while (left > 0) {
    const chunk = left >= block.length ? block : block.subarray(0, left);
    await write(chunk);
    left -= chunk.length;
  }
  await write(tailBytes);
  deflate.end();
  await done;
  return { name, stored: Buffer.concat(out), method: 8, crc, size: written };
}

/** The zip of these parts, in this order: local headers and data, then the central directory. */
export function zipOf(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? part.size;
    const flags = 0x0800 | (part.dataDescriptor ? 0x0008 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.dataDescriptor ? 0 : part.crc, 14);
    local.writeUInt32LE(part.dataDescriptor ? 0 : part.stored.length, 18);
    local.writeUInt32LE(part.dataDescriptor ? 0 : declared, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, part.stored);
    let length = local.length + name.length + part.stored.length;
    if (part.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(part.crc, 4);
      descriptor.writeUInt32LE(part.stored.length, 8);
      descriptor.writeUInt32LE(declared, 12);
      chunks.push(descriptor);
      length += descriptor.length;
    }
    if (!part.hidden) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(part.method, 10);
      central.writeUInt32LE(part.crc, 16);
      central.writeUInt32LE(part.stored.length, 20);
      central.writeUInt32LE(declared, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      directory.push(central, name);
      listed++;
    }
    offset += length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}

/** The parts of a real workbook (exceljs) with these rows on its first sheet, deflated again one by one. */
export async function workbookParts(rows: unknown[][]): Promise<ZipPart[]> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dữ liệu');
  for (const row of rows) sheet.addRow(row);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const parts: ZipPart[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    parts.push(deflatedPart(file.name, await file.async('nodebuffer')));
  }
  return parts;
}

/** The workbook's parts with one replaced (or added), its place kept. */
export function withPart(parts: ZipPart[], part: ZipPart): ZipPart[] {
  const at = parts.findIndex((p) => p.name === part.name);
  return at < 0 ? [...parts, part] : parts.map((p, i) => (i === at ? part : p));
}

export const SHARED_STRINGS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
export const SHARED_STRINGS_TAIL = '</sst>';

/** A workbook as exceljs's streaming writer makes it: inline strings (no shared strings), sizes after the data. */
export async function inlineWorkbook(rows: unknown[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = book.addWorksheet('Dữ liệu');
  for (const row of rows) sheet.addRow(row).commit();
  await book.commit();
  return Buffer.concat(chunks);
}

/** A first sheet of these rows, given by number, of inline strings. */
export function sheetPart(rows: [number, string[]][]): ZipPart {
  const column = (i: number) => String.fromCharCode(65 + i);
  const xml = rows
    .map(
      ([r, cells]) =>
        `<row r="${r}">${cells.map((text, i) => `<c r="${column(i)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return deflatedPart(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xml}</sheetData></worksheet>`,
  );
}

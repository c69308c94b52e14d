import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { type Problem, problem } from './problems.ts';

/*
 * Text files come from Excel and old office software: UTF-8 (with or without BOM) is the contract, but
 * Windows-1258 (what "CSV" in a Vietnamese Windows saves), TCVN3 (ABC) and VNI still circulate. A file
 * that is not UTF-8 is read only when the encoding is named or recognised with confidence; anything
 * else is refused, because garbled names stored once are garbled in every report after.
 */

/** Encodings `--encoding` accepts, by the names operators use, with iconv-lite's name for each. */
export const ENCODINGS: Readonly<Record<string, string>> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'windows-1258': 'windows1258',
  cp1258: 'windows1258',
  tcvn3: 'tcvn',
  tcvn: 'tcvn',
};

export class FileRefusedError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every letter of written Vietnamese, NFC, both cases: what a correctly decoded name is made of. */
const VIETNAMESE_LETTERS = new Set<string>(
  [...'aăâeêioôơuưy'].flatMap((vowel) =>
    TONES.flatMap((tone) => [(vowel + tone).normalize('NFC'), (vowel.toUpperCase() + tone).normalize('NFC')]),
  ),
);
for (const letter of 'đĐ') VIETNAMESE_LETTERS.add(letter);
/** Typographic signs Windows code pages carry and office files contain. */
const TYPOGRAPHY = new Set([...'“”‘’–—…•°«»€©®™·\u00a0']);

/** Decoded text is plausible when every non-ASCII character is a Vietnamese letter or a typographic sign. */
function plausible(text: string): boolean {
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (!VIETNAMESE_LETTERS.has(ch) && !TYPOGRAPHY.has(ch)) return false;
  }
  return true;
}

const ASCII_VOWELS = new Set([...'aeiouyAEIOUY']);
/** VNI bytes that are letters on their own (ư ơ đ and the i's, both cases), so may follow a consonant. */
const VNI_LETTERS = new Set([
  0xf6, 0xd6, 0xf4, 0xd4, 0xf1, 0xd1, 0xed, 0xec, 0xe6, 0xf3, 0xf2, 0xcd, 0xcc, 0xc6, 0xd3, 0xd2,
]);

/**
 * VNI writes most Vietnamese vowels as their ASCII base followed by mark bytes ("Vieät"), so apart
 * from its few letters of one byte, a byte above 0x7F follows a vowel or another such byte, never a
 * consonant, a space or a sign. TCVN3's letters are
 * all single bytes, which follow consonants all the time ("Th\xDE"). Enough to name the encoding in a
 * refusal.
 */
function looksLikeVni(bytes: Buffer): boolean {
  let marks = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80 || VNI_LETTERS.has(b)) continue;
    const previous = bytes[i - 1] ?? 0x20;
    if (previous < 0x80 && !ASCII_VOWELS.has(String.fromCharCode(previous))) return false;
    marks++;
  }
  return marks > 0;
}

/** TCVN3 (the 8-bit ABC standard) puts its letters at 0xA1 and above; below that it has nothing. */
function looksLikeTcvn3(bytes: Buffer): boolean {
  for (const b of bytes) if (b >= 0x80 && b < 0xa1) return false;
  return plausible(iconv.decode(bytes, 'tcvn').normalize('NFC'));
}

function refuse(code: Problem['code'], en: string, vi: string): never {
  throw new FileRefusedError(problem(code, { en, vi }));
}

const HOW_TO =
  'Save it again as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8), or give the encoding with --encoding windows-1258.';
const HOW_TO_VI =
  'Hãy lưu lại tệp dạng "CSV UTF-8" (Excel: Tệp > Lưu thành > CSV UTF-8), hoặc chỉ rõ bảng mã bằng --encoding windows-1258.';

/**
 * The text of a CSV file: UTF-8 bytes as they are (without BOM), or the text decoded from another
 * encoding, NFC-normalised (Windows-1258 spells tones as combining marks). `encoding` as the operator
 * named it, or undefined to accept UTF-8 and recognise Windows-1258.
 */
export function decodeText(bytes: Buffer, encoding?: string): { text: string | Buffer; encoding: string } {
  const named = encoding?.trim().toLowerCase();
  if (named !== undefined && !(named in ENCODINGS)) {
    refuse(
      'UNKNOWN_ENCODING',
      `Unknown encoding "${encoding}"; known: ${Object.keys(ENCODINGS).join(', ')}.`,
      `Không biết bảng mã "${encoding}"; các bảng mã đọc được: ${Object.keys(ENCODINGS).join(', ')}.`,
    );
  }
  const iconvName = named ? (ENCODINGS[named] as string) : undefined;
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (iconvName === undefined || iconvName === 'utf8') {
    if (isUtf8(bytes)) {
      // Valid UTF-8 is parsed as the bytes it is (no copy as a string); cells are NFC-normalised one
      // by one (validate.ts), which skips the plain ASCII ones.
      return { text: bytes.subarray(hasBom ? 3 : 0), encoding: 'utf-8' };
    }
    if (iconvName === 'utf8')
      refuse(
        'NOT_UTF8',
        `The file is not valid UTF-8. ${HOW_TO}`,
        `Tệp không phải mã UTF-8 hợp lệ. ${HOW_TO_VI}`,
      );
    return detect(bytes);
  }
  const text = iconv.decode(bytes, iconvName).normalize('NFC');
  if (!plausible(text)) {
    refuse(
      'NOT_UTF8',
      `Read as ${named}, the file has characters that are not Vietnamese letters; it is in another encoding.`,
      `Đọc theo bảng mã ${named}, tệp có ký tự không phải chữ tiếng Việt; tệp dùng bảng mã khác.`,
    );
  }
  return { text, encoding: named as string };
}

function detect(bytes: Buffer): { text: string; encoding: string } {
  const asWindows1258 = iconv.decode(bytes, 'windows1258').normalize('NFC');
  if (plausible(asWindows1258)) return { text: asWindows1258, encoding: 'windows-1258' };
  if (looksLikeVni(bytes)) {
    refuse(
      'LEGACY_ENCODING',
      'The file is not UTF-8: it looks like VNI (VNI-Windows fonts), which cannot be read. Open it in Excel with a VNI font installed and save it as "CSV UTF-8", or convert it with Unikey\'s converter (VNI Windows → Unicode).',
      'Tệp không phải UTF-8: có vẻ dùng bảng mã VNI (phông VNI-Windows), không đọc được. Hãy mở bằng Excel (có phông VNI) rồi lưu dạng "CSV UTF-8", hoặc chuyển mã bằng Unikey (VNI Windows → Unicode).',
    );
  }
  if (looksLikeTcvn3(bytes)) {
    refuse(
      'LEGACY_ENCODING',
      'The file is not UTF-8: it looks like TCVN3 (ABC, .Vn fonts). Check and give --encoding tcvn3 to read it, or convert it to Unicode (Unikey: TCVN3 → Unicode) and save it as "CSV UTF-8".',
      'Tệp không phải UTF-8: có vẻ dùng bảng mã TCVN3 (ABC, phông .Vn). Hãy kiểm tra rồi chỉ rõ --encoding tcvn3, hoặc chuyển sang Unicode (Unikey: TCVN3 → Unicode) và lưu dạng "CSV UTF-8".',
    );
  }
  refuse(
    'NOT_UTF8',
    `The file is not UTF-8 and its encoding could not be recognised. ${HOW_TO}`,
    `Tệp không phải mã UTF-8 và không nhận ra được bảng mã. ${HOW_TO_VI}`,
  );
}

import { describe, expect, test } from 'vitest';
import { MAX_NOTES_CHARACTERS, parseNotes } from '../../api/src/reports/notes.ts';

/* The notes' text as an office writes it, in a text editor or on the web form. */

describe('the notes of a report', () => {
  test('"# " lines are headings, every other line a paragraph of the section above it', () => {
    const text =
      '\uFEFFMở đầu không có tiêu đề.\r\n# Tồn tại, hạn chế\r\n\r\nMột số đơn vị chưa phối hợp.\r\n\tNgười lao động thiếu điện thoại.\r\n# Kiến nghị\r\nĐề nghị UBND tỉnh chỉ đạo.';
    expect(parseNotes(text)).toEqual([
      { heading: null, paragraphs: ['Mở đầu không có tiêu đề.'] },
      {
        heading: 'Tồn tại, hạn chế',
        paragraphs: ['Một số đơn vị chưa phối hợp.', 'Người lao động thiếu điện thoại.'],
      },
      { heading: 'Kiến nghị', paragraphs: ['Đề nghị UBND tỉnh chỉ đạo.'] },
    ]);
    // "#" followed by a word is text, not a heading.
    expect(parseNotes('#1 ưu tiên')).toEqual([{ heading: null, paragraphs: ['#1 ưu tiên'] }]);
    expect(parseNotes('')).toEqual([]);
    expect(parseNotes('\n  \n')).toEqual([]);
  });

  test('refuses, naming the line, a heading with no words and a control character; and text too long', () => {
    expect(() => parseNotes('Đoạn một.\n# \nĐoạn hai.')).toThrow(
      '"notes", line 2: a heading ("# ") needs words after it',
    );
    expect(() => parseNotes('Đoạn một.\nĐoạn\u0007 hai.')).toThrow(
      '"notes", line 2: holds a control character',
    );
    expect(() => parseNotes('a'.repeat(MAX_NOTES_CHARACTERS + 1))).toThrow(
      `"notes" has ${MAX_NOTES_CHARACTERS + 1} characters; at most ${MAX_NOTES_CHARACTERS} are printed`,
    );
  });
});

import { CONTROL_CHARACTER } from '../lib/control-characters.ts';
import { BadInputError } from '../lib/errors.ts';

/*
 * What the figures cannot say (tồn tại, hạn chế; nhiệm vụ thời gian tới; kiến nghị), written by the
 * office as plain text: a line that starts with "# " is a section's heading, every other line that is
 * not blank one paragraph of it. The sections follow the figures in every format, before "Nơi nhận",
 * and are kept with a published report.
 */

export interface NoteSection {
  /** As written, without "# "; null for the paragraphs before the first heading. */
  heading: string | null;
  paragraphs: string[];
}

/** Enough for several pages of text, far below what would slow the renderers. */
export const MAX_NOTES_CHARACTERS = 20_000;
const MAX_SECTIONS = 20;

/**
 * The sections of a notes text; BAD_USER_INPUT (argument `argument`) naming the line for text that is
 * too long, holds control characters, or has a heading with no words.
 */
export function parseNotes(text: string | null | undefined, argument = 'notes'): NoteSection[] {
  if (!text) return [];
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if ([...normalized].length > MAX_NOTES_CHARACTERS)
    throw new BadInputError(
      `"${argument}" has ${[...normalized].length} characters; at most ${MAX_NOTES_CHARACTERS} are printed`,
      argument,
      { code: 'TOO_LONG', args: { length: [...normalized].length, max: MAX_NOTES_CHARACTERS } },
    );
  const sections: NoteSection[] = [];
  normalized.split('\n').forEach((raw, i) => {
    // A tab is a space here; any other control character is not text a document can print.
    const line = raw.replace(/\t/g, ' ').trim();
    if (CONTROL_CHARACTER.test(line))
      throw new BadInputError(`"${argument}", line ${i + 1}: holds a control character`, argument, {
        code: 'CONTROL_CHARACTER',
        args: { line: i + 1 },
      });
    if (line === '') return;
    if (line === '#' || line.startsWith('# ')) {
      const heading = line.slice(1).trim();
      if (heading === '')
        throw new BadInputError(
          `"${argument}", line ${i + 1}: a heading ("# ") needs words after it`,
          argument,
          { code: 'NOTES_EMPTY_HEADING', args: { line: i + 1 } },
        );
      sections.push({ heading, paragraphs: [] });
      return;
    }
    let current = sections.at(-1);
    if (!current) {
      current = { heading: null, paragraphs: [] };
      sections.push(current);
    }
    current.paragraphs.push(line);
  });
  if (sections.length > MAX_SECTIONS)
    throw new BadInputError(
      `"${argument}" has ${sections.length} sections; at most ${MAX_SECTIONS}`,
      argument,
      { code: 'TOO_MANY', args: { count: sections.length, max: MAX_SECTIONS } },
    );
  return sections;
}

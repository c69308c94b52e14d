/*
 * Search that ignores case and Vietnamese diacritics: "khanh hoa" finds "Khánh Hòa". The database
 * keeps `units.search_text`, generated with translate() from the pairs below, so that the same folding
 * runs on PGlite and on PostgreSQL without the unaccent extension; `foldForSearch` folds the query the
 * same way in JavaScript.
 */

const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

function base(letter: string): string {
  return letter.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

function pairs(): [string, string][] {
  const result: [string, string][] = [];
  for (const vowel of VOWELS) {
    for (const tone of TONES) {
      for (const letter of [vowel, vowel.toUpperCase()]) {
        const composed = (letter + tone).normalize('NFC');
        if (composed.length === 1 && composed !== base(composed))
          result.push([composed, base(composed).toLowerCase()]);
      }
    }
  }
  result.push(['đ', 'd'], ['Đ', 'd']);
  return result;
}

const PAIRS = pairs();

/** The two strings for SQL translate(): every accented Vietnamese letter, and its plain lowercase letter. */
export const TRANSLATE_FROM = PAIRS.map(([from]) => from).join('');
export const TRANSLATE_TO = PAIRS.map(([, to]) => to).join('');

/** Lowercase, without diacritics, spaces collapsed: the form search_text is stored in. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words of a folded query, each as a LIKE pattern that finds it anywhere (its own %, _ and \
 * escaped): a search matches when every word does, in any order, so "nguyen kim" finds "Nguyễn Thị Kim".
 */
export function searchPatterns(folded: string): string[] {
  return folded
    .split(' ')
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

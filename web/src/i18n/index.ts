import { en } from './en.ts';
import { vi } from './vi.ts';

export type { Messages } from './vi.ts';

export type Language = 'vi' | 'en';

const STORAGE_KEY = 'vssid.language';

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The language in use: Vietnamese unless the user switched to English on this browser. */
export const language: Language = storedLanguage();

/** The catalogue in use; every string of the dashboard comes from it. */
export const t = language === 'en' ? en : vi;

// Screen readers, hyphenation and the browser's own widgets follow <html lang>.
if (typeof document !== 'undefined') document.documentElement.lang = language;

/**
 * Switches the language and reloads: every string was read from the catalogue when its module loaded,
 * and a reload is the one way to be sure none is left in the old language.
 */
export function switchLanguage(next: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  globalThis.location?.reload();
}

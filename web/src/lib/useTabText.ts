import { useCallback, useState } from 'react';

/*
 * Text typed into a page that should survive a reload of the tab (a report's notes, written for a
 * while before it is published) but not go into the address, which it could make too long to share,
 * nor outlive the tab: sessionStorage, which the browser keeps per tab and drops with it.
 */

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    // Storage can be refused (private modes, policies): the text then lives only in the page.
    return null;
  }
}

export function useTabText(key: string): [string | null, (text: string | null) => void] {
  const [text, setText] = useState(() => read(key));
  const save = useCallback(
    (next: string | null) => {
      setText(next);
      try {
        if (next) window.sessionStorage.setItem(key, next);
        else window.sessionStorage.removeItem(key);
      } catch {
        // As above: kept in the page only.
      }
    },
    [key],
  );
  return [text, save];
}

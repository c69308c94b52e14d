import type { UnitPage } from '../db/queries/units.ts';
import { BadInputError } from '../lib/errors.ts';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/** Cursors are opaque to clients: the base64url of the last unit code of the page. */
const encodeCursor = (code: string) => Buffer.from(`unit:${code}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  if (!decoded.startsWith('unit:') || encodeCursor(decoded.slice(5)) !== cursor) {
    throw new BadInputError(`"${cursor}" is not a cursor this API gave out`, 'after');
  }
  return decoded.slice(5);
}

/** `first` and `after` checked and decoded: a page size of 1 to 500 (50 by default) and a unit code. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw new BadInputError(`"first" must be 1 to ${MAX_PAGE}; got ${size}`, 'first');
  }
  return { first: size, afterCode: after ? decodeCursor(after) : undefined };
}

export function toConnection(page: UnitPage) {
  const edges = page.units.map((node) => ({ cursor: encodeCursor(node.code), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

import type { UnitOrder, UnitPage } from '../db/queries/units.ts';
import { BadInputError } from '../lib/errors.ts';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/*
 * Cursors are opaque to clients. By code, a cursor is the last unit's code (keyset); by any other
 * order, the position after it, tagged with the order so that a cursor cannot be replayed on another.
 */
const encode = (payload: string) => Buffer.from(payload).toString('base64url');

function encodeCursor(order: UnitOrder, code: string, position: number): string {
  return encode(order === 'CODE' ? `unit:${code}` : `unit@${order}:${position}`);
}

function decodeCursor(cursor: string, order: UnitOrder): { afterCode?: string; offset?: number } {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  if (encode(decoded) === cursor) {
    if (order === 'CODE' && decoded.startsWith('unit:')) return { afterCode: decoded.slice(5) };
    const match = /^unit@([A-Z_]+):(\d+)$/.exec(decoded);
    if (match && match[1] === order) return { offset: Number(match[2]) };
    if (match || decoded.startsWith('unit:')) {
      throw new BadInputError(`"${cursor}" belongs to another orderBy than ${order}`, 'after', {
        code: 'BAD_CURSOR',
        args: {},
      });
    }
  }
  throw new BadInputError(`"${cursor}" is not a cursor this API gave out`, 'after', {
    code: 'BAD_CURSOR',
    args: {},
  });
}

/** `first` checked: 1 to 500, 50 when omitted. */
function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw new BadInputError(`"first" must be 1 to ${MAX_PAGE}; got ${size}`, 'first', {
      code: 'PAGE_SIZE',
      args: { value: size, max: MAX_PAGE },
    });
  }
  return size;
}

/** `first` and `offset` checked, for the logs that page by how many newest entries to skip. */
export function limitArgs(first: number | null | undefined, offset: number | null | undefined) {
  if (offset !== null && offset !== undefined && offset < 0) {
    throw new BadInputError(`"offset" must be 0 or more; got ${offset}`, 'offset', {
      code: 'NEGATIVE_OFFSET',
      args: { value: offset },
    });
  }
  return { first: pageSize(first), offset: offset ?? 0 };
}

/** Past this, `offset` is a mistake or a probe: the province has about 8.000 units. */
const MAX_OFFSET = 1_000_000;

/** `offset` checked: 0 to MAX_OFFSET, and not with `after`. */
function checkedOffset(offset: number, after: string | null | undefined): number {
  if (after)
    throw new BadInputError('Give "after" or "offset", not both', 'offset', {
      code: 'AFTER_AND_OFFSET',
      args: {},
    });
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET)
    throw new BadInputError(`"offset" must be 0 to ${MAX_OFFSET}; got ${offset}`, 'offset', {
      code: 'BAD_OFFSET',
      args: { offset, max: MAX_OFFSET },
    });
  return offset;
}

/**
 * `first`, `after` and `offset` checked and decoded: a page size of 1 to 500 (50 by default) and a
 * position. `offset` names a page by its number (a link to page 3); it cannot be given with `after`.
 */
export function pageArgs(
  first: number | null | undefined,
  after: string | null | undefined,
  order: UnitOrder = 'CODE',
  offset?: number | null,
) {
  const size = pageSize(first);
  if (offset !== null && offset !== undefined)
    return { first: size, order, offset: checkedOffset(offset, after) };
  return { first: size, order, ...(after ? decodeCursor(after, order) : {}) };
}

export function toConnection(page: UnitPage, order: UnitOrder = 'CODE') {
  const edges = page.units.map((node, i) => ({
    cursor: encodeCursor(order, node.code, page.offset + i + 1),
    node,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

/**
 * `first` and `after` for lists paged by position (persons, the access log): a page size of 1 to 500
 * (50 by default) and how many to skip. The cursor is tagged with the list's kind.
 */
export function offsetPageArgs(
  kind: string,
  first: number | null | undefined,
  after: string | null | undefined,
  offset?: number | null,
) {
  const size = pageSize(first);
  if (offset !== null && offset !== undefined) return { first: size, offset: checkedOffset(offset, after) };
  if (!after) return { first: size, offset: 0 };
  const match = new RegExp(`^${kind}@(\\d+)$`).exec(Buffer.from(after, 'base64url').toString());
  if (!match || encode(`${kind}@${match[1]}`) !== after) {
    throw new BadInputError(`"${after}" is not a cursor this API gave out`, 'after', {
      code: 'BAD_CURSOR',
      args: {},
    });
  }
  return { first: size, offset: Number(match[1]) };
}

/** The cursor after the item at `position` (1-based) of a list paged by position. */
export function offsetCursor(kind: string, position: number): string {
  return encode(`${kind}@${position}`);
}

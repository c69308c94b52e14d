/*
 * The refusals of a caller's request, as plain errors of the domain: any layer may throw them and
 * each edge words them its own way (the GraphQL server in its formatError, the HTTP routes as a status,
 * the command line as a message). Their codes are the public ones every edge answers with.
 */

/**
 * What was refused, for a client that words the message itself (the dashboard, in Vietnamese): the
 * kind of code ("unit", "person", "officer", "office"), the first codes and how many there were.
 */
export interface RefusedCodes {
  what: string;
  codes: string[];
  count: number;
}

/**
 * Every reason a request can be refused for. The dashboard words each in its own catalogue
 * (`reasons` in web/src/i18n), so that no server English reaches its Vietnamese; a test holds the
 * catalogues to this list.
 */
export const REASON_CODES = [
  // Days
  'NOT_A_DAY',
  'DAY_OUT_OF_RANGE',
  'DAY_AFTER_TODAY',
  'FUTURE_DAY',
  'BEFORE_FIRST_ACTIVITY',
  'COMPARE_NOT_BEFORE',
  // What names nothing or lies outside the account's reach
  'NOT_FOUND',
  'OUTSIDE_REACH',
  'ROLE_MAY_NOT',
  // Texts and lists
  'EMPTY',
  'TOO_LONG',
  'TOO_MANY',
  'CONTROL_CHARACTER',
  'NOTES_EMPTY_HEADING',
  'SI_CODE_DIGITS',
  'NOT_AN_ID',
  'ONE_OF',
  'NOT_BOTH',
  'REASON_UNKNOWN',
  // Maps and areas
  'NO_LEVEL',
  'NO_AREAS',
  'NAME_THE_AREA',
  // Paging
  'BAD_CURSOR',
  'PAGE_SIZE',
  'NEGATIVE_OFFSET',
  'FIRST_OUT_OF_RANGE',
  'BAD_OFFSET',
  'AFTER_AND_OFFSET',
  // Search
  'SEARCH_TEXT_LENGTH',
  'TO_BEFORE_FROM',
  'PERIOD_TOO_LONG',
  // Goals
  'GOAL_RATE',
  'GOAL_DEADLINE',
  // Accounts
  'USERNAME_FORMAT',
  'PASSWORD_TOO_SHORT',
  'TOKEN_DAYS',
  'WRONG_CURRENT_PASSWORD',
  'PASSWORD_UNCHANGED',
  'OTHERS_TOKENS',
  'ACCOUNT_EXISTS',
  'ACCOUNT_DISABLED',
  'OWN_ACCOUNT',
  'BINDING_DISTRICT',
  'BINDING_OFFICER',
  'BINDING_WHOLE_PROVINCE',
  // Downloads
  'DOWNLOAD_ROWS',
  'DOWNLOAD_OUT_OF_REACH',
  // Report files
  'FILE_FORMAT',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * Why a request was refused, for a client that words the message itself: a code of its catalogue
 * ("FUTURE_DAY") and the values the words need ({ day: "2030-01-01", today: "2026-12-01" }).
 */
export interface RefusalReason {
  code: ReasonCode;
  args: Record<string, string | number>;
  /** The same in Vietnamese, for the command line, which prints both. */
  vi?: string;
}

/** The request is wrong or not allowed, not a fault of the server; `argument` names the one at fault. */
export abstract class RefusalError extends Error {
  abstract readonly code: 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FORBIDDEN';

  constructor(
    message: string,
    readonly argument?: string,
    readonly refused?: RefusedCodes,
    readonly reason?: RefusalReason,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The kinds of thing a refusal names, as a client's catalogue knows them. */
const THINGS: Record<string, string> = { staff: 'officer', 'published report': 'report' };

/** The kind of thing an English `what` ("The unit", "Area", "3 units", "Staff") names. */
function thingOf(what: string): string {
  const plain = what
    .replace(/^(the|\d+) /i, '')
    .replace(/s$/, '')
    .toLowerCase();
  return THINGS[plain] ?? plain;
}

/** An id given by the caller names nothing; `argument` says which one ("scope.areaId"). */
export class NotFoundError extends RefusalError {
  readonly code = 'NOT_FOUND';

  /** `hint`, when given, says where the id does exist (an area code of another geography). */
  constructor(what: string, id: string, argument: string, refused?: RefusedCodes, hint?: string) {
    super(
      `${what} "${id}" does not exist (argument ${argument})${hint ? `: ${hint}` : ''}`,
      argument,
      refused,
      { code: 'NOT_FOUND', args: { what: thingOf(what), id } },
    );
  }
}

/** The caller's input is wrong: always with its reason, so that a client can word it. */
export class BadInputError extends RefusalError {
  readonly code = 'BAD_USER_INPUT';

  constructor(message: string, argument: string | undefined, reason: RefusalReason) {
    super(message, argument, undefined, reason);
  }
}

/**
 * The caller's account may not read or do this; `argument` says which id was out of reach, if one
 * was. Without a reason of its own it is OUTSIDE_REACH of the thing and code `reach` names.
 */
export class ForbiddenError extends RefusalError {
  readonly code = 'FORBIDDEN';

  constructor(
    message: string,
    argument?: string,
    refused?: RefusedCodes,
    reason?: RefusalReason,
    reach?: { what: string; id: string },
  ) {
    super(
      message,
      argument,
      refused,
      reason ?? {
        code: 'OUTSIDE_REACH',
        args: reach ? { what: thingOf(reach.what), id: reach.id } : {},
      },
    );
  }
}

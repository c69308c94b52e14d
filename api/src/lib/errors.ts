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
 * Why a request was refused, for a client that words the message itself: a code of its catalogue
 * ("FUTURE_DAY") and the values the words need ({ day: "2030-01-01", today: "2026-12-01" }).
 */
export interface RefusalReason {
  code: string;
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

/** An id given by the caller names nothing; `argument` says which one ("scope.areaId"). */
export class NotFoundError extends RefusalError {
  readonly code = 'NOT_FOUND';

  /** `hint`, when given, says where the id does exist (an area code of another geography). */
  constructor(what: string, id: string, argument: string, refused?: RefusedCodes, hint?: string) {
    super(
      `${what} "${id}" does not exist (argument ${argument})${hint ? `: ${hint}` : ''}`,
      argument,
      refused,
    );
  }
}

export class BadInputError extends RefusalError {
  readonly code = 'BAD_USER_INPUT';

  constructor(message: string, argument?: string, reason?: RefusalReason) {
    super(message, argument, undefined, reason);
  }
}

/** The caller's account may not read or do this; `argument` says which id was out of reach, if one was. */
export class ForbiddenError extends RefusalError {
  readonly code = 'FORBIDDEN';
}

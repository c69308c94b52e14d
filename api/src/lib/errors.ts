import { GraphQLError } from 'graphql';

/**
 * What was refused, for a client that words the message itself (the dashboard, in Vietnamese): the
 * kind of code ("unit", "person", "officer", "office"), the first codes and how many there were.
 */
export interface RefusedCodes {
  what: string;
  codes: string[];
  count: number;
}

/** An id given by the caller names nothing; `argument` says which one ("scope.areaId"). */
export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, argument: string, refused?: RefusedCodes) {
    super(`${what} "${id}" does not exist (argument ${argument})`, {
      extensions: { code: 'NOT_FOUND', argument, ...(refused ? { refused } : {}) },
    });
  }
}

export class BadInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

/** The caller's account may not read or do this; `argument` says which id was out of reach, if one was. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string, argument?: string, refused?: RefusedCodes) {
    super(message, {
      extensions: { code: 'FORBIDDEN', ...(argument ? { argument } : {}), ...(refused ? { refused } : {}) },
    });
  }
}

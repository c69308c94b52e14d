import { search } from '../db/queries/search.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { BadInputError } from '../lib/errors.ts';
import { foldForSearch } from '../lib/search.ts';
import { requireGeography } from './areas.ts';

/* One letter finds half the province and costs three scans for nothing a person would pick. */
export const SEARCH_TEXT_MIN = 2;
export const SEARCH_TEXT_MAX = 100;
export const SEARCH_FIRST_MAX = 20;
const SEARCH_FIRST_DEFAULT = 5;

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_root, { text, first, geography }, { db, reach, today }) => {
      const folded = foldForSearch(text);
      const length = [...folded].length;
      if (length < SEARCH_TEXT_MIN || length > SEARCH_TEXT_MAX)
        throw new BadInputError(
          `"text" must have ${SEARCH_TEXT_MIN} to ${SEARCH_TEXT_MAX} characters besides spaces; got ${length}`,
          'text',
          { code: 'SEARCH_TEXT_LENGTH', args: { min: SEARCH_TEXT_MIN, max: SEARCH_TEXT_MAX, length } },
        );
      const size = first ?? SEARCH_FIRST_DEFAULT;
      if (!Number.isInteger(size) || size < 1 || size > SEARCH_FIRST_MAX)
        throw new BadInputError(`"first" must be 1 to ${SEARCH_FIRST_MAX}; got ${size}`, 'first', {
          code: 'FIRST_OUT_OF_RANGE',
          args: { min: 1, max: SEARCH_FIRST_MAX, first: size },
        });
      return search(db, {
        text: folded,
        first: size,
        geographyId: await requireGeography(db, geography, today),
        reach,
      });
    },
  },
};

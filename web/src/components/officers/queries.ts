import { graphql } from '../../gql';
import type { Scope } from '../../gql/graphql.ts';
import { useLoadable } from '../../lib/useLoadable.ts';

// The offices and officers that have units in a scope on a day, with those units' figures. The units
// table takes its office and officer choices from it and the officers panel its rows: the same
// document and variables, so urql asks once for both.
const scopePeopleDocument = graphql(`
  query ScopePeople($scope: Scope!, $asOf: Date) {
    offices: breakdown(by: OFFICE, scope: $scope, asOf: $asOf) {
      key
      label
    }
    officers: breakdown(by: STAFF, scope: $scope, asOf: $asOf) {
      key
      label
      ...BreakdownRowFields
    }
  }
`);

/** The key of the officers' row that gathers the units nobody was in charge of. */
export const NO_OFFICER = 'none';

export function useScopePeople(scope: Scope, asOf: string | null) {
  return useLoadable(scopePeopleDocument, { scope, asOf }, (data) => data);
}

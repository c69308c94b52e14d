import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import type { Scope } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { withAsOf } from '../../lib/as-of.ts';
import { formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const officerTodoDocument = graphql(`
  query OfficerTodo($scope: Scope!, $asOf: Date) {
    notContacted: units(scope: $scope, filter: { notContacted: true }, orderBy: NAME, asOf: $asOf, first: 100) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
    notGuided: units(
      scope: $scope
      filter: { reached: LEADERSHIP_CONTACTED, notReached: REPRESENTATIVE_GUIDED }
      orderBy: NAME
      asOf: $asOf
      first: 100
    ) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** What is left to do: units not yet contacted, and contacted units whose representative is not yet guided. */
export function OfficerTodoPanel({ scope, asOf }: { scope: Scope; asOf: string | null }) {
  const state = useLoadable(officerTodoDocument, { scope, asOf }, (data) => data);
  return (
    <Panel title={t.todo.title}>
      <LoadableContent state={state}>
        {(data) => (
          <div className="todo">
            {(
              [
                ['notContacted', t.todo.notContacted],
                ['notGuided', t.todo.notGuided],
              ] as const
            ).map(([key, title]) => (
              <section key={key} aria-label={title}>
                <h3>
                  {title} ({formatInteger(data[key].totalCount)})
                </h3>
                {data[key].totalCount === 0 ? (
                  <p>{t.todo.none}</p>
                ) : (
                  <ul>
                    {data[key].edges.map(({ node }) => (
                      <li key={node.id}>
                        <Link to={withAsOf(`/units/${node.id}`, asOf)}>{node.name}</Link> ({node.id})
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        )}
      </LoadableContent>
    </Panel>
  );
}

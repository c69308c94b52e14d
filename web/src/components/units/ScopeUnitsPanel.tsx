import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatInteger } from '../../lib/format.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { UnitTable } from './UnitTable.tsx';

/**
 * The units of a scope as an officer's or an office's page lists them (the page's query asks for them
 * laggards first, a page's worth at most): each with its sector and its activated out of its persons.
 */
const scopeUnitsFields = graphql(`
  fragment ScopeUnitsFields on UnitConnection {
    totalCount
    edges {
      node {
        id
        name
        sector
        coverage(asOf: $asOf) {
          target
          activated
          activationRate
        }
      }
    }
  }
`);

export type ScopeUnitsRef = FragmentType<typeof scopeUnitsFields>;

/** The panel of those units, with how many more there are when the list stops short of them all. */
export function ScopeUnitsPanel({
  title,
  empty,
  state,
  asOf,
}: {
  title: string;
  /** What the panel says when the scope has no unit. */
  empty: string;
  state: Loadable<ScopeUnitsRef | null>;
  asOf: string | null;
}) {
  return (
    <Panel title={title}>
      <LoadableContent state={state}>
        {(units) => <ScopeUnits units={units} title={title} empty={empty} asOf={asOf} />}
      </LoadableContent>
    </Panel>
  );
}

function ScopeUnits(props: { units: ScopeUnitsRef; title: string; empty: string; asOf: string | null }) {
  const units = useFragment(scopeUnitsFields, props.units);
  if (units.totalCount === 0) return <p className="state-message">{props.empty}</p>;
  return (
    <>
      <UnitTable
        label={props.title}
        rows={units.edges.map((e) => e.node)}
        asOf={props.asOf}
        showSector
        activatedOutOfTarget
      />
      {units.totalCount > units.edges.length && (
        <p className="pager">
          {t.officerPage.unitsLimit(formatInteger(units.edges.length), formatInteger(units.totalCount))}
        </p>
      )}
    </>
  );
}

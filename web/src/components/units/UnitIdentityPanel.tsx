import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { useAsOf, withAsOf } from '../../lib/as-of.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const unitIdentityFields = graphql(`
  fragment UnitIdentityFields on Unit {
    id
    sector
    taxCode
    address
    office {
      id
      name
    }
    officer(asOf: $asOf) {
      id
      fullName
    }
  }
`);

type UnitIdentityRef = FragmentType<typeof unitIdentityFields>;

/** Who the unit is: its code, sector, tax code, address, office, and the officer in charge on the day. */
export function UnitIdentityPanel({ state }: { state: Loadable<UnitIdentityRef | null> }) {
  return (
    <Panel title={t.unit.identity}>
      <LoadableContent state={state}>{(unit) => <UnitFacts unit={unit} />}</LoadableContent>
    </Panel>
  );
}

function UnitFacts(props: { unit: UnitIdentityRef }) {
  const unit = useFragment(unitIdentityFields, props.unit);
  const { asOf } = useAsOf();
  return (
    <dl className="facts">
      <dt>{t.officer.code}</dt>
      <dd>{unit.id}</dd>
      <dt>{t.unit.sector}</dt>
      <dd>{t.unit.sectors[unit.sector as keyof typeof t.unit.sectors] ?? unit.sector}</dd>
      <dt>{t.unit.taxCode}</dt>
      <dd>{unit.taxCode ?? '–'}</dd>
      <dt>{t.unit.address}</dt>
      <dd>{unit.address ?? '–'}</dd>
      <dt>{t.unit.office}</dt>
      <dd>{unit.office.name}</dd>
      <dt>{t.units.officer}</dt>
      <dd>
        {unit.officer ? (
          <Link to={withAsOf(`/officers/${unit.officer.id}`, asOf)}>{unit.officer.fullName}</Link>
        ) : (
          t.units.noOfficer
        )}
      </dd>
    </dl>
  );
}

import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Unavailable } from '../components/common/Unavailable.tsx';
import { AreaView } from '../components/coverage/AreaView.tsx';
import { overviewOf, useAreaPage } from '../components/coverage/queries.ts';
import { periodOf } from '../components/layout/GeographyPicker.tsx';
import { t } from '../i18n/index.ts';
import { useAsOf } from '../lib/as-of.ts';
import { areaPath, useGeographyParam, usePageGeography } from '../lib/geography.ts';

/**
 * `/areas/:id`: a district or commune (or the province) by its national code, in the page's
 * geography. A link from before a map changed (no `?geo=`, a code today's map lacks) goes on to the
 * newest map that has the code; a map named in the URL that lacks it says where the code is.
 */
export function AreaPage() {
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const { geo } = useGeographyParam();
  const { geography, ofDay, list } = usePageGeography(asOf);
  const state = useAreaPage(id, geography, asOf);
  const navigate = useNavigate();
  const page = state.status === 'ready' ? state.data : null;
  const elsewhere = page && !page.area ? page.versions : [];
  const newest = elsewhere[0];
  useEffect(() => {
    if (!geo && newest) navigate(areaPath(id, newest.geography.id, asOf, ofDay), { replace: true });
  }, [geo, newest, id, asOf, ofDay, navigate]);
  if (page && !page.area && geo && list) {
    const asked = list.find((g) => g.id === geo);
    return (
      <div className="panel">
        <p>{asked ? t.geography.notInMap(id, periodOf(list, asked)) : t.geography.unknownArea(id)}</p>
        <ul>
          {elsewhere.map((v) => (
            <li key={v.geography.id}>
              <Link to={areaPath(id, v.geography.id, asOf, ofDay)}>
                {v.name} ({v.geography.name})
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (state.refusal === 'FORBIDDEN') return <Unavailable kind="outside" thing="area" id={id} />;
  if (page && !page.area && elsewhere.length === 0)
    return <Unavailable kind="notFound" thing="area" id={id} />;
  return <AreaView state={overviewOf(state)} asOf={asOf} />;
}

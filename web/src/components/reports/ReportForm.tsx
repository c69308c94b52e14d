import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { DateInput } from '../common/DateInput.tsx';
import { defaultCompare } from './report-days.ts';

const reportAreasDocument = graphql(`
  query ReportAreas {
    today
    provinces: areas(level: PROVINCE) {
      id
      name
    }
    districts: areas(level: DISTRICT) {
      id
      name
    }
  }
`);

export interface ReportChoice {
  area: string | null;
  asOf: string;
  /** Null: the API's default, the last day of the month before asOf. */
  compare: string | null;
}

/**
 * The report's area and days. A district head's list holds only their district (the API lists no
 * other district to them); the comparison day follows the report's day until it is changed by hand.
 */
export function ReportForm({
  initial,
  fixedArea,
  onSubmit,
}: {
  initial: Partial<ReportChoice>;
  fixedArea: { code: string; name: string } | null;
  onSubmit: (choice: ReportChoice) => void;
}) {
  const [{ data }] = useQuery({ query: reportAreasDocument });
  const today = data?.today ?? '';
  const [area, setArea] = useState(initial.area ?? fixedArea?.code ?? '');
  const [asOf, setAsOf] = useState(initial.asOf ?? '');
  const [compare, setCompare] = useState(initial.compare ?? '');
  const day = asOf || today;
  const compareDay = compare || (day ? defaultCompare(day) : '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!day) return;
    onSubmit({ area: area || null, asOf: day, compare: compareDay });
  }

  const areas = fixedArea
    ? [{ id: fixedArea.code, name: fixedArea.name }]
    : [...(data?.provinces ?? []), ...(data?.districts ?? [])];
  return (
    <form className="form-grid" onSubmit={submit} data-action="report:read">
      <label htmlFor="report-area">{t.reports.area}</label>
      {/* No choice yet means the account's own area, which for the province is the first listed. */}
      <select id="report-area" value={area || (areas[0]?.id ?? '')} onChange={(e) => setArea(e.target.value)}>
        {areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor="report-as-of">{t.reports.asOf}</label>
      <DateInput id="report-as-of" value={day} max={today || undefined} required onChange={setAsOf} />
      <label htmlFor="report-compare">{t.reports.compare}</label>
      <div>
        <DateInput id="report-compare" value={compareDay} max={day || undefined} onChange={setCompare} />
        <span className="subline">{t.reports.compareHint}</span>
      </div>
      <span />
      <div>
        <button type="submit" className="button button--primary" disabled={!day}>
          {t.reports.preview}
        </button>
      </div>
    </form>
  );
}

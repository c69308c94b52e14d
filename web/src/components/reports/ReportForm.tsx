import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { todayInVietnam } from '../../lib/days.ts';
import { geographyOn, useGeographies } from '../../lib/geography.ts';
import { useTabText } from '../../lib/useTabText.ts';
import { DateInput } from '../common/DateInput.tsx';
import { GeographyOptions } from '../layout/GeographyPicker.tsx';
import { defaultCompare } from './report-days.ts';

// The areas a report may be about in a map: the province and its districts, or, in a map without
// districts, its communes.
const reportAreasDocument = graphql(`
  query ReportAreas($geography: ID!) {
    today
    provinces: areas(level: PROVINCE, geography: $geography) {
      id
      name
    }
    districts: areas(level: DISTRICT, geography: $geography) {
      id
      name
    }
    communes: areas(level: COMMUNE, geography: $geography) {
      id
      name
    }
  }
`);

export interface ReportChoice {
  area: string | null;
  /** The map the area is read in; null: the one in force on the report's day (a district head's own). */
  geography: string | null;
  asOf: string;
  /** Null: the API's default, the last day of the month before asOf. */
  compare: string | null;
  /**
   * What the figures cannot say ("# " starts a section's heading); kept for the tab (useTabText), not
   * in the address, which it could make too long to share.
   */
  notes?: string | null;
}

/**
 * The report's area and days. A district head's list holds only their district (the API lists no
 * other district to them), an office's account's only its office (whose units it reports on, in any
 * map); the comparison day follows the report's day until it is changed by hand.
 */
export function ReportForm({
  initial,
  fixedArea,
  fixedOffice,
  onSubmit,
}: {
  initial: Partial<ReportChoice>;
  fixedArea: { code: string; name: string; geography: string } | null;
  fixedOffice: { code: string; name: string } | null;
  onSubmit: (choice: ReportChoice) => void;
}) {
  const list = useGeographies();
  const [asOf, setAsOf] = useState(initial.asOf ?? '');
  const [chosenMap, setChosenMap] = useState(initial.geography ?? '');
  const day = asOf || todayInVietnam();
  // A district head's report is made in the map their area was named in; anyone else's in the one
  // chosen, by default the one in force on the report's day.
  const geography = fixedArea?.geography ?? (chosenMap || (list ? geographyOn(list, day)?.id : undefined));
  const [{ data }] = useQuery({
    query: reportAreasDocument,
    variables: { geography: geography ?? '' },
    pause: geography === undefined || fixedArea !== null || fixedOffice !== null,
  });
  const today = data?.today ?? todayInVietnam();
  const [area, setArea] = useState(initial.area ?? fixedArea?.code ?? '');
  const [compare, setCompare] = useState(initial.compare ?? '');
  // What is being written is kept for the tab as it is typed, so that a reload loses none of it.
  const [draft, setDraft] = useTabText('vssid.report-notes-draft');
  const [notes, setNotes] = useState(initial.notes ?? draft ?? '');
  const compareDay = compare || (day ? defaultCompare(day) : '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!day) return;
    onSubmit({
      area: area || null,
      asOf: day,
      compare: compareDay,
      geography: fixedArea ? fixedArea.geography : chosenMap || null,
      notes: notes.trim() ? notes : null,
    });
  }

  // The office's report is asked for with no area at all.
  const areas = fixedArea
    ? [{ id: fixedArea.code, name: fixedArea.name }]
    : fixedOffice
      ? [{ id: '', name: fixedOffice.name }]
      : [
          ...(data?.provinces ?? []),
          ...((data?.districts.length ?? 0) > 0 ? (data?.districts ?? []) : (data?.communes ?? [])),
        ];
  const dayMap = list ? geographyOn(list, day) : undefined;
  return (
    <form className="form-grid" onSubmit={submit} data-action="report:read">
      {!fixedArea && list && list.length > 1 && (
        <>
          <label htmlFor="report-geography">{t.geography.label}</label>
          <select
            id="report-geography"
            value={chosenMap}
            onChange={(e) => {
              setChosenMap(e.target.value);
              setArea('');
            }}
          >
            <GeographyOptions list={list} dayMap={dayMap} dayLabel={t.geography.ofReportDay} />
          </select>
        </>
      )}
      <label htmlFor="report-area">{fixedOffice ? t.reports.office : t.reports.area}</label>
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
      <label htmlFor="report-notes">{t.reports.notes}</label>
      <div>
        <textarea
          id="report-notes"
          rows={6}
          maxLength={20000}
          value={notes}
          onChange={(e) => {
            setNotes(e.target.value);
            setDraft(e.target.value);
          }}
          aria-describedby="report-notes-hint"
        />
        <span className="subline" id="report-notes-hint">
          {t.reports.notesHint}
        </span>
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

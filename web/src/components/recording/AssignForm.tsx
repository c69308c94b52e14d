import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { todayInVietnam } from '../../lib/days.ts';
import { formatInteger } from '../../lib/format.ts';
import { DateInput } from '../common/DateInput.tsx';
import { useFieldProblems } from './FieldProblem.tsx';
import { FormFooter } from './FormFooter.tsx';

const assignOfficerDocument = graphql(`
  mutation AssignOfficer($unitIds: [ID!]!, $staffId: ID!, $from: Date!) {
    assignOfficer(unitIds: $unitIds, staffId: $staffId, from: $from) {
      written
      unchanged
    }
  }
`);

/** Unit codes in pasted text: separated by spaces, commas, semicolons or lines. */
const unitCodesIn = (text: string) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))];

/** Puts an officer in charge of units from a day (administrators; district offices in their area). */
export function AssignForm() {
  const [{ fetching, error }, assign] = useMutation(assignOfficerDocument);
  const [done, setDone] = useState<string | null>(null);
  const problems = useFieldProblems(error, ['unitIds', 'staffId', 'from']);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setDone(null);
    const outcome = await assign(
      {
        unitIds: unitCodesIn(String(data.get('units') ?? '')),
        staffId: String(data.get('staff') ?? '').trim(),
        from: String(data.get('from')),
      },
      { additionalTypenames: ['Unit', 'Staff', 'Coverage'] },
    );
    const result = outcome.data?.assignOfficer;
    if (result)
      setDone(t.recording.assignDone(formatInteger(result.written), formatInteger(result.unchanged)));
  }

  return (
    <form
      className="form-grid"
      onSubmit={submit}
      aria-label={t.recording.assignTitle}
      data-action="assignment:record"
    >
      <label htmlFor="as-staff">{t.recording.staff}</label>
      <div>
        <input id="as-staff" name="staff" required placeholder="CB0012" autoComplete="off" />
        {problems.at('staffId')}
      </div>
      <label htmlFor="as-from">{t.recording.from}</label>
      <div>
        <DateInput id="as-from" name="from" required defaultValue={todayInVietnam()} />
        {problems.at('from')}
      </div>
      <label htmlFor="as-units">{t.recording.units}</label>
      <div>
        <textarea id="as-units" name="units" rows={4} required placeholder={t.recording.unitsHint} />
        {problems.at('unitIds')}
      </div>
      <FormFooter general={problems.general} busy={fetching} done={done} />
    </form>
  );
}

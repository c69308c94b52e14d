import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { todayInVietnam } from '../../lib/days.ts';
import { formatInteger } from '../../lib/format.ts';
import { DateInput } from '../common/DateInput.tsx';
import { useFieldProblems } from './FieldProblem.tsx';
import { FormFooter } from './FormFooter.tsx';

const recordTrainingDocument = graphql(`
  mutation RecordTraining(
    $officeId: ID!
    $heldOn: Date!
    $title: String!
    $location: String
    $unitIds: [ID!]!
  ) {
    recordTraining(officeId: $officeId, heldOn: $heldOn, title: $title, location: $location, unitIds: $unitIds) {
      session {
        id
      }
      units {
        written
        unchanged
      }
    }
  }
`);

/** A training session an office held, and the units that attended it. */
export function TrainingForm() {
  const [{ fetching, error }, record] = useMutation(recordTrainingDocument);
  const [done, setDone] = useState<string | null>(null);
  const problems = useFieldProblems(error, ['officeId', 'heldOn', 'title', 'location', 'unitIds']);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    setDone(null);
    const outcome = await record(
      {
        officeId: value('office'),
        heldOn: value('heldOn'),
        title: value('title'),
        location: value('location') || null,
        unitIds: [
          ...new Set(
            value('units')
              .split(/[\s,;]+/)
              .filter(Boolean),
          ),
        ],
      },
      { additionalTypenames: ['UnitMilestone', 'TrainingSession'] },
    );
    const result = outcome.data?.recordTraining;
    if (result)
      setDone(
        t.recording.trainingDone(formatInteger(result.units.written), formatInteger(result.units.unchanged)),
      );
  }

  return (
    <form
      className="form-grid"
      onSubmit={submit}
      aria-label={t.recording.trainingTitle}
      data-action="training:record"
    >
      <label htmlFor="tr-office">{t.recording.office}</label>
      <div>
        <input id="tr-office" name="office" required placeholder="BHXH-568" autoComplete="off" />
        {problems.at('officeId')}
      </div>
      <label htmlFor="tr-date">{t.recording.heldOn}</label>
      <div>
        <DateInput
          id="tr-date"
          name="heldOn"
          required
          max={todayInVietnam()}
          defaultValue={todayInVietnam()}
        />
        {problems.at('heldOn')}
      </div>
      <label htmlFor="tr-title">{t.recording.trainingName}</label>
      <div>
        <input id="tr-title" name="title" required maxLength={200} autoComplete="off" />
        {problems.at('title')}
      </div>
      <label htmlFor="tr-location">{t.recording.location}</label>
      <div>
        <input id="tr-location" name="location" maxLength={200} autoComplete="off" />
        {problems.at('location')}
      </div>
      <label htmlFor="tr-units">{t.recording.units}</label>
      <div>
        <textarea id="tr-units" name="units" rows={4} required placeholder={t.recording.unitsHint} />
        {problems.at('unitIds')}
      </div>
      <FormFooter general={problems.general} busy={fetching} done={done} />
    </form>
  );
}

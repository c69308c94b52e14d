import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { Milestone } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { todayInVietnam } from '../../lib/days.ts';
import { formatDate } from '../../lib/format.ts';
import { DateInput } from '../common/DateInput.tsx';
import { useFieldProblems } from './FieldProblem.tsx';
import { FormFooter } from './FormFooter.tsx';

// The answer names UnitMilestone, so urql refetches the unit page's query (which holds the timeline).
const recordMilestoneDocument = graphql(`
  mutation RecordMilestone($unitId: ID!, $milestone: Milestone!, $date: Date!, $note: String) {
    recordMilestone(unitId: $unitId, milestone: $milestone, date: $date, note: $note) {
      changed
      milestone {
        milestone
        date
      }
    }
  }
`);

const MILESTONES: Milestone[] = [
  'LEADERSHIP_CONTACTED',
  'GUIDE_SENT',
  'REPRESENTATIVE_GUIDED',
  'EMPLOYEES_GUIDED',
  'TRAINING_ATTENDED',
];

/** Records a milestone of the unit (officers for their units, district offices, administrators). */
export function MilestoneForm({ unitId }: { unitId: string }) {
  const [{ fetching, error }, record] = useMutation(recordMilestoneDocument);
  const [done, setDone] = useState<string | null>(null);
  const problems = useFieldProblems(error, ['date', 'note', 'milestone']);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(null);
    const outcome = await record(
      {
        unitId,
        milestone: String(data.get('milestone')) as Milestone,
        date: String(data.get('date')),
        note: String(data.get('note') ?? '').trim() || null,
      },
      { additionalTypenames: ['UnitMilestone', 'Coverage'] },
    );
    const recorded = outcome.data?.recordMilestone;
    if (recorded) {
      const name = t.unit.milestones[recorded.milestone.milestone];
      setDone(
        recorded.changed
          ? t.recording.milestoneDone(name, formatDate(recorded.milestone.date))
          : t.recording.milestoneUnchanged(name, formatDate(recorded.milestone.date)),
      );
      form.reset();
    }
  }

  return (
    <form
      className="form-grid"
      onSubmit={submit}
      aria-label={t.recording.milestoneTitle}
      data-action="milestone:record"
    >
      <label htmlFor="ms-milestone">{t.recording.milestone}</label>
      <select id="ms-milestone" name="milestone" defaultValue="LEADERSHIP_CONTACTED">
        {MILESTONES.map((m) => (
          <option key={m} value={m}>
            {t.unit.milestones[m]}
          </option>
        ))}
      </select>
      <label htmlFor="ms-date">{t.recording.date}</label>
      <div>
        <DateInput id="ms-date" name="date" required max={todayInVietnam()} defaultValue={todayInVietnam()} />
        {problems.at('date')}
      </div>
      <label htmlFor="ms-note">{t.recording.note}</label>
      <div>
        <input id="ms-note" name="note" maxLength={1000} autoComplete="off" />
        {problems.at('note')}
      </div>
      <FormFooter general={problems.general} busy={fetching} done={done} />
    </form>
  );
}

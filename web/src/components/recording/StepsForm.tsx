import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { Step } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { todayInVietnam } from '../../lib/days.ts';
import { formatInteger } from '../../lib/format.ts';
import { DateInput } from '../common/DateInput.tsx';
import { useFieldProblems } from './FieldProblem.tsx';
import { FormFooter } from './FormFooter.tsx';

const recordStepsDocument = graphql(`
  mutation RecordSteps($step: Step!, $date: Date!, $codes: [String!]!, $dryRun: Boolean) {
    recordSteps(step: $step, date: $date, socialInsuranceCodes: $codes, dryRun: $dryRun) {
      written
      unchanged
      implying
    }
  }
`);

/** Every run of 10 digits in pasted text: a column copied from a spreadsheet, or codes split by commas. */
export function codesIn(text: string): string[] {
  return [...new Set(text.match(/\d+/g) ?? [])];
}

/** The Mẫu 01 forms a district office received or verified on a day, as a pasted list of codes. */
export function StepsForm() {
  const [{ fetching, error }, record] = useMutation(recordStepsDocument);
  const [done, setDone] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [step, setStep] = useState<Step>('FORM_SIGNED');
  // A list in which some persons lack the earlier steps waits for a second yes: how many is said first.
  const [pending, setPending] = useState<{ date: string; implying: number } | null>(null);
  const problems = useFieldProblems(error, ['date', 'socialInsuranceCodes']);

  async function write(date: string) {
    setPending(null);
    const outcome = await record({ step, date, codes }, { additionalTypenames: ['Coverage', 'Person'] });
    const result = outcome.data?.recordSteps;
    if (result)
      setDone(t.recording.stepsDone(formatInteger(result.written), formatInteger(result.unchanged)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const date = String(new FormData(event.currentTarget).get('date'));
    setDone(null);
    const checked = await record({ step, date, codes, dryRun: true }, { requestPolicy: 'network-only' });
    const implying = checked.data?.recordSteps.implying ?? 0;
    if (!checked.data) return;
    if (implying > 0) setPending({ date, implying });
    else await write(date);
  }

  return (
    <form
      className="form-grid"
      onSubmit={submit}
      aria-label={t.recording.stepsTitle}
      data-action="steps:record"
    >
      <label htmlFor="st-step">{t.recording.step}</label>
      <div>
        <select
          id="st-step"
          name="step"
          value={step}
          onChange={(e) => setStep(e.target.value as Step)}
          aria-describedby="st-step-implies"
        >
          <option value="FORM_SIGNED">{t.recording.formReceived}</option>
          <option value="VERIFIED">{t.recording.formVerified}</option>
        </select>
        {/* The funnel counts a later step as every earlier one: said before anything is written. */}
        <span className="subline" id="st-step-implies">
          {t.recording.implies[step]}
        </span>
      </div>
      <label htmlFor="st-date">{t.recording.date}</label>
      <div>
        <DateInput id="st-date" name="date" required max={todayInVietnam()} defaultValue={todayInVietnam()} />
        {problems.at('date')}
      </div>
      <label htmlFor="st-codes">{t.recording.codes}</label>
      <div>
        <textarea
          id="st-codes"
          name="codes"
          rows={6}
          required
          placeholder={t.recording.codesHint}
          onChange={(e) => setCodes(codesIn(e.target.value))}
        />
        <p className="panel__note" aria-live="polite">
          {t.recording.codesCount(formatInteger(codes.length))}
        </p>
        {problems.at('socialInsuranceCodes')}
      </div>
      {pending ? (
        <>
          <div />
          <div className="notice notice--warning" role="alert">
            <p>
              {t.recording.impliesConfirm(formatInteger(pending.implying), t.recording.implies[step] ?? '')}
            </p>
            <div className="blocker-form__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void write(pending.date)}
              >
                {t.recording.writeAnyway}
              </button>
              <button type="button" className="button" onClick={() => setPending(null)}>
                {t.recording.cancel}
              </button>
            </div>
          </div>
        </>
      ) : (
        <FormFooter general={problems.general} busy={fetching || codes.length === 0} done={done} />
      )}
    </form>
  );
}

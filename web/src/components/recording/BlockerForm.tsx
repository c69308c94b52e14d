import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { BlockerReason } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useFieldProblems } from './FieldProblem.tsx';

const setBlockerDocument = graphql(`
  mutation SetBlocker($personId: ID!, $reason: BlockerReason, $note: String) {
    setBlocker(personId: $personId, reason: $reason, note: $note) {
      personId
      reason
      changed
    }
  }
`);

/** The reasons an officer may pick, in the catalogue's order; UNKNOWN is what "none recorded" reads as. */
const REASONS: BlockerReason[] = [
  'NO_SMARTPHONE',
  'NO_ID_DOCUMENT',
  'WRONG_PHONE',
  'DATA_MISMATCH',
  'DECLINED',
  'LEFT_UNIT',
  'OTHER',
];

/**
 * Why one person is stuck, as the officer in charge records it from the unit's employee list: the
 * reason picked from the list, a note, or the reason cleared. The server checks the person is
 * within the account's reach and writes the change to the audit log.
 */
export function BlockerForm({
  personId,
  personName,
  current,
  onDone,
  onCancel,
}: {
  personId: string;
  personName: string;
  current: { reason: BlockerReason; note?: string | null } | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [{ fetching, error }, record] = useMutation(setBlockerDocument);
  const [reason, setReason] = useState<string>(current?.reason ?? '');
  const problems = useFieldProblems(error, ['reason', 'note']);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    const outcome = await record(
      { personId, reason: (reason || null) as BlockerReason | null, note: note || null },
      { additionalTypenames: ['Person', 'BlockerCount'] },
    );
    const result = outcome.data?.setBlocker;
    if (result)
      onDone(
        result.reason
          ? t.recording.blockerDone(personName, t.blockers.reasons[result.reason])
          : t.recording.blockerCleared(personName),
      );
  }

  return (
    <form
      className="form-grid blocker-form"
      onSubmit={submit}
      aria-label={t.recording.blockerTitle(personName)}
    >
      <label htmlFor={`${id}-reason`}>{t.recording.blockerReason}</label>
      <div>
        <select
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required={!current}
        >
          <option value="" disabled={!current}>
            {current ? t.recording.blockerClear : t.recording.blockerPick}
          </option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t.blockers.reasons[r]}
            </option>
          ))}
        </select>
        {problems.at('reason')}
      </div>
      <label htmlFor={`${id}-note`}>{t.recording.note}</label>
      <div>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={current?.note ?? ''}
        />
        {problems.at('note')}
      </div>
      {problems.general}
      <div />
      <div className="blocker-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={fetching}
          data-action="blocker:record"
        >
          {t.recording.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.recording.cancel}
        </button>
      </div>
    </form>
  );
}

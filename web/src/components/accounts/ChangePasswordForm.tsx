import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { problemOf } from '../../lib/loadable.ts';
import { longEnough, MIN_PASSWORD_LENGTH } from '../../lib/passwords.ts';
import { AccountNotice } from './AccountNotice.tsx';

const changeOwnPasswordDocument = graphql(`
  mutation ChangeOwnPassword($current: String!, $next: String!) {
    changeOwnPassword(current: $current, next: $next) {
      username
    }
  }
`);

/**
 * The signed-in account's own password: the current one, the new one twice. The length and the two
 * copies are checked here first; the server checks the current one and names the field it refuses.
 */
export function ChangePasswordForm() {
  const id = useId();
  const [{ fetching }, change] = useMutation(changeOwnPasswordDocument);
  // Which field a problem is about ('current', 'next', 'confirm'), or none for the form as a whole.
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const current = String(data.get('current') ?? '');
    const next = String(data.get('next') ?? '');
    setDone(false);
    if (!longEnough(next))
      return setProblem({ field: 'next', message: t.ownAccount.tooShort(MIN_PASSWORD_LENGTH) });
    if (next !== String(data.get('confirm') ?? ''))
      return setProblem({ field: 'confirm', message: t.ownAccount.mismatch });
    const outcome = await change({ current, next });
    const refused = problemOf(outcome.error);
    if (refused) return setProblem({ field: refused.argument ?? null, message: refused.message });
    setProblem(null);
    setDone(true);
    form.reset();
  }

  const fieldError = (field: string) =>
    problem?.field === field ? (
      <span className="field-error" role="alert" id={`${id}-${field}-error`}>
        {problem.message}
      </span>
    ) : null;
  const described = (field: string) => (problem?.field === field ? `${id}-${field}-error` : undefined);
  const known = ['current', 'next', 'confirm'];

  return (
    <>
      {done && <AccountNotice notice={{ kind: 'ok', text: t.ownAccount.changed }} />}
      <form className="form-grid" onSubmit={submit} data-action="password:own" noValidate>
        <label htmlFor={`${id}-current`}>{t.ownAccount.current}</label>
        <div>
          <input
            id={`${id}-current`}
            name="current"
            type="password"
            required
            autoComplete="current-password"
            aria-invalid={problem?.field === 'current' || undefined}
            aria-describedby={described('current')}
          />
          {fieldError('current')}
        </div>
        <label htmlFor={`${id}-next`}>{t.ownAccount.next(MIN_PASSWORD_LENGTH)}</label>
        <div>
          <input
            id={`${id}-next`}
            name="next"
            type="password"
            required
            autoComplete="new-password"
            aria-invalid={problem?.field === 'next' || undefined}
            aria-describedby={described('next')}
          />
          {fieldError('next')}
        </div>
        <label htmlFor={`${id}-confirm`}>{t.ownAccount.confirm}</label>
        <div>
          <input
            id={`${id}-confirm`}
            name="confirm"
            type="password"
            required
            autoComplete="new-password"
            aria-invalid={problem?.field === 'confirm' || undefined}
            aria-describedby={described('confirm')}
          />
          {fieldError('confirm')}
        </div>
        {problem && !known.includes(problem.field ?? '') && (
          <p className="field-error" role="alert">
            {problem.message}
          </p>
        )}
        <div />
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t.ownAccount.change}
        </button>
      </form>
    </>
  );
}

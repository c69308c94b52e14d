import { type FormEvent, useId, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { errorMessage, type Loadable, problemOf } from '../../lib/loadable.ts';
import { longEnough, MIN_PASSWORD_LENGTH } from '../../lib/passwords.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import type { Notice } from './AccountNotice.tsx';

const accountRowFields = graphql(`
  fragment AccountRowFields on Account {
    username
    displayName
    role
    area {
      id
      name
    }
    office {
      id
      name
    }
    staff {
      id
      fullName
    }
    disabled
    tokens {
      prefix
      expiresAt
      revoked
    }
  }
`);

const setDisabledDocument = graphql(`
  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {
    setAccountDisabled(username: $username, disabled: $disabled) {
      username
      disabled
    }
  }
`);

const resetPasswordDocument = graphql(`
  mutation ResetPassword($username: String!, $password: String!) {
    resetPassword(username: $username, password: $password) {
      username
    }
  }
`);

const createTokenDocument = graphql(`
  mutation CreateToken($username: String!, $expiresInDays: Int) {
    createToken(username: $username, expiresInDays: $expiresInDays) {
      token
      prefix
      expiresAt
    }
  }
`);

const revokeTokenDocument = graphql(`
  mutation RevokeToken($prefix: String!) {
    revokeToken(prefix: $prefix)
  }
`);

type AccountRef = FragmentType<typeof accountRowFields> & { username: string };

/**
 * Every account with its role, reach, state and live tokens, and the means to change them. `onChange`
 * follows every answer, with what to tell the administrator: the page shows it and asks again.
 */
export function AccountsPanel({
  state,
  onChange,
}: {
  state: Loadable<AccountRef[]>;
  onChange: (notice: Notice) => void;
}) {
  return (
    <Panel title={t.accounts.listTitle} action="accounts:manage">
      <LoadableContent state={state}>
        {(accounts) => (
          <ScrollRegion label={t.accounts.listTitle}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.accounts.username}</th>
                  <th scope="col">{t.accounts.role}</th>
                  <th scope="col">{t.accounts.reach}</th>
                  <th scope="col">{t.accounts.state}</th>
                  <th scope="col">{t.accounts.tokens}</th>
                  <th scope="col">{t.accounts.actions}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <AccountRow key={account.username} account={account} onChange={onChange} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </LoadableContent>
    </Panel>
  );
}

function AccountRow(props: { account: AccountRef; onChange: (notice: Notice) => void }) {
  const account = useFragment(accountRowFields, props.account);
  const [, setDisabled] = useMutation(setDisabledDocument);
  const [, resetPassword] = useMutation(resetPasswordDocument);
  const [, createToken] = useMutation(createTokenDocument);
  const [, revokeToken] = useMutation(revokeTokenDocument);
  const [resetting, setResetting] = useState(false);
  const resetId = useId();
  const live = account.tokens.filter((k) => !k.revoked && k.expiresAt > new Date().toISOString());

  async function act<D>(
    outcome: Promise<{ data?: D; error?: CombinedError }>,
    done: string,
    secret?: (data: D | undefined) => string | undefined,
  ) {
    const { data, error } = await outcome;
    props.onChange(
      error
        ? { kind: 'error', text: errorMessage(error) }
        : { kind: 'ok', text: done, secret: secret?.(data) },
    );
  }

  return (
    <>
      <tr>
        <th scope="row">
          {account.username}
          <span className="subline">{account.displayName}</span>
        </th>
        <td>{t.account.roles[account.role]}</td>
        <td>
          {account.area?.name ??
            account.office?.name ??
            (account.staff ? `${account.staff.fullName} (${account.staff.id})` : t.accounts.wholeProvince)}
        </td>
        <td>{account.disabled ? t.accounts.disabled : t.accounts.active}</td>
        <td>
          {live.map((k) => (
            <span key={k.prefix} className="token-chip">
              <code>{k.prefix}</code> {t.accounts.until(formatDate(k.expiresAt.slice(0, 10)))}{' '}
              <button
                type="button"
                className="link-button"
                data-action="accounts:manage"
                onClick={() => void act(revokeToken({ prefix: k.prefix }), t.accounts.revoked(k.prefix))}
              >
                {t.accounts.revoke}
              </button>
            </span>
          ))}
        </td>
        <td className="actions">
          <button
            type="button"
            className="link-button"
            data-action="accounts:manage"
            onClick={() =>
              void act(
                setDisabled({ username: account.username, disabled: !account.disabled }),
                account.disabled
                  ? t.accounts.enabledDone(account.username)
                  : t.accounts.disabledDone(account.username),
              )
            }
          >
            {account.disabled ? t.accounts.enable : t.accounts.disable}
          </button>
          <button
            type="button"
            className="link-button"
            data-action="accounts:manage"
            aria-expanded={resetting}
            aria-controls={resetId}
            onClick={() => setResetting(!resetting)}
          >
            {t.accounts.resetPassword}
          </button>
          {!account.disabled && (
            <button
              type="button"
              className="link-button"
              data-action="accounts:manage"
              onClick={() =>
                void act(
                  createToken({ username: account.username, expiresInDays: 90 }),
                  t.accounts.tokenDone(account.username),
                  (data) => data?.createToken.token,
                )
              }
            >
              {t.accounts.newToken}
            </button>
          )}
        </td>
      </tr>
      {resetting && (
        <tr id={resetId}>
          <td colSpan={6}>
            <ResetPasswordForm
              username={account.username}
              onCancel={() => setResetting(false)}
              onDone={(notice) => {
                if (notice.kind === 'ok') setResetting(false);
                props.onChange(notice);
              }}
              reset={(password) => resetPassword({ username: account.username, password })}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * An administrator's new password for another account: twice, checked for length and sameness here
 * first, then by the server, whose refusal is shown beside the field it names.
 */
function ResetPasswordForm(props: {
  username: string;
  reset: (password: string) => Promise<{ error?: CombinedError }>;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    if (!longEnough(password))
      return setProblem({ field: 'password', message: t.ownAccount.tooShort(MIN_PASSWORD_LENGTH) });
    if (password !== String(data.get('confirm') ?? ''))
      return setProblem({ field: 'confirm', message: t.ownAccount.mismatch });
    setSending(true);
    const { error } = await props.reset(password);
    setSending(false);
    const refused = problemOf(error);
    if (refused) return setProblem({ field: refused.argument ?? 'password', message: refused.message });
    setProblem(null);
    props.onDone({ kind: 'ok', text: t.accounts.passwordDone(props.username) });
  }

  const fieldError = (field: string) =>
    problem?.field === field ? (
      <span className="field-error" role="alert">
        {problem.message}
      </span>
    ) : null;

  return (
    <form
      className="form-grid reset-form"
      onSubmit={submit}
      data-action="accounts:manage"
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <p id={`${id}-title`} className="reset-form__title">
        {t.accounts.resetTitle(props.username)}
      </p>
      <label htmlFor={`${id}-password`}>{t.accounts.newPassword(MIN_PASSWORD_LENGTH)}</label>
      <div>
        <input id={`${id}-password`} name="password" type="password" autoComplete="new-password" required />
        {fieldError('password')}
      </div>
      <label htmlFor={`${id}-confirm`}>{t.accounts.confirmPassword}</label>
      <div>
        <input id={`${id}-confirm`} name="confirm" type="password" autoComplete="new-password" required />
        {fieldError('confirm')}
        {problem && !['password', 'confirm'].includes(problem.field) && (
          <span className="field-error" role="alert">
            {problem.message}
          </span>
        )}
      </div>
      <div />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {t.accounts.savePassword}
        </button>{' '}
        <button type="button" className="button" onClick={props.onCancel}>
          {t.accounts.cancel}
        </button>
      </div>
    </form>
  );
}

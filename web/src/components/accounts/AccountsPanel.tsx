import { type CombinedError, useMutation } from 'urql';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { errorMessage, type Loadable } from '../../lib/loadable.ts';
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
          onClick={() => {
            const password = window.prompt(t.accounts.newPasswordPrompt(account.username));
            if (password)
              void act(
                resetPassword({ username: account.username, password }),
                t.accounts.passwordDone(account.username),
              );
          }}
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
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { errorMessage, problemOf } from '../../lib/loadable.ts';
import { Panel } from '../common/Panel.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { AccountNotice, type Notice } from './AccountNotice.tsx';

const ownTokenFields = graphql(`
  fragment OwnTokenFields on ApiToken {
    prefix
    createdAt
    expiresAt
    revoked
    lastUsedAt
  }
`);

// No username: the token is the signed-in account's own, whatever its role.
const createOwnTokenDocument = graphql(`
  mutation CreateOwnToken($expiresInDays: Int) {
    createToken(expiresInDays: $expiresInDays) {
      token
      prefix
      expiresAt
    }
  }
`);

const revokeOwnTokenDocument = graphql(`
  mutation RevokeOwnToken($prefix: String!) {
    revokeToken(prefix: $prefix)
  }
`);

/**
 * The signed-in account's API tokens: the list (never the tokens themselves), a new one shown once
 * with a copy button, and revocation. `onChange` asks the page to read the list again.
 */
export function OwnTokensPanel(props: {
  tokens: FragmentType<typeof ownTokenFields>[];
  onChange: () => void;
}) {
  const tokens = useFragment(ownTokenFields, props.tokens);
  const id = useId();
  const [{ fetching }, createToken] = useMutation(createOwnTokenDocument);
  const [, revokeToken] = useMutation(revokeOwnTokenDocument);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [daysProblem, setDaysProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const now = new Date().toISOString();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const days = Number(new FormData(event.currentTarget).get('days'));
    setCopied(false);
    const { data, error } = await createToken({ expiresInDays: days });
    const problem = problemOf(error);
    if (problem?.argument === 'expiresInDays') {
      setDaysProblem(problem.message);
      return;
    }
    setDaysProblem(null);
    setNotice(
      problem
        ? { kind: 'error', text: problem.message }
        : { kind: 'ok', text: t.ownAccount.created(String(days)), secret: data?.createToken.token },
    );
    props.onChange();
  }

  async function revoke(prefix: string) {
    const { error } = await revokeToken({ prefix });
    setNotice(
      error
        ? { kind: 'error', text: errorMessage(error) }
        : { kind: 'ok', text: t.ownAccount.revokedDone(prefix) },
    );
    props.onChange();
  }

  async function copy(secret: string) {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }

  const stateOf = (k: (typeof tokens)[number]) =>
    k.revoked ? t.ownAccount.revoked : k.expiresAt <= now ? t.ownAccount.expired : t.ownAccount.live;

  return (
    <Panel title={t.ownAccount.tokensTitle} action="tokens:own">
      <p className="panel__note">{t.ownAccount.tokensNote}</p>
      {notice && <AccountNotice notice={notice} />}
      {notice?.secret && (
        <p className="token-copy">
          <button type="button" className="button" onClick={() => void copy(notice.secret as string)}>
            {t.ownAccount.copy}
          </button>{' '}
          <span role="status">{copied ? t.ownAccount.copied : ''}</span>
        </p>
      )}
      <form className="form-grid" onSubmit={create} data-action="tokens:own">
        <label htmlFor={`${id}-days`}>{t.ownAccount.days}</label>
        <div>
          <input
            id={`${id}-days`}
            name="days"
            type="number"
            min={1}
            max={366}
            defaultValue={90}
            required
            aria-invalid={daysProblem ? true : undefined}
          />
          {daysProblem && (
            <span className="field-error" role="alert">
              {daysProblem}
            </span>
          )}
        </div>
        <div />
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t.ownAccount.create}
        </button>
      </form>
      {tokens.length === 0 ? (
        <p className="state-message">{t.ownAccount.none}</p>
      ) : (
        <ScrollRegion label={t.ownAccount.tokensTitle}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.ownAccount.prefix}</th>
                <th scope="col">{t.ownAccount.createdAt}</th>
                <th scope="col">{t.ownAccount.expiresAt}</th>
                <th scope="col">{t.ownAccount.lastUsed}</th>
                <th scope="col">{t.ownAccount.state}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.accounts.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((k) => (
                <tr key={k.prefix}>
                  <th scope="row">
                    <code>{k.prefix}</code>
                  </th>
                  <td>{formatDate(k.createdAt.slice(0, 10))}</td>
                  <td>{formatDate(k.expiresAt.slice(0, 10))}</td>
                  <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t.ownAccount.never}</td>
                  <td>{stateOf(k)}</td>
                  <td>
                    {!k.revoked && k.expiresAt > now && (
                      <button
                        type="button"
                        className="link-button"
                        data-action="tokens:own"
                        aria-label={t.ownAccount.revokeLabel(k.prefix)}
                        onClick={() => void revoke(k.prefix)}
                      >
                        {t.ownAccount.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Panel>
  );
}

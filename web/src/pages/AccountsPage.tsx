import { type FormEvent, useCallback, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { DataTable } from '../components/common/DataTable.tsx';
import { LoadableContent } from '../components/common/LoadableContent.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { ScrollRegion } from '../components/common/ScrollRegion.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { AuditLogPanel } from '../components/recording/AuditLogPanel.tsx';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql.ts';
import { t } from '../i18n/index.ts';
import { formatDate, formatDateTime, formatInteger } from '../lib/format.ts';
import { errorMessage, fromQuery, problemOf } from '../lib/loadable.ts';

const accountsDocument = graphql(`
  query Accounts {
    accounts {
      username
      displayName
      role
      area {
        id
        name
      }
      staff {
        id
        fullName
      }
      createdAt
      disabled
      tokens {
        prefix
        expiresAt
        revoked
      }
    }
    areas(level: DISTRICT) {
      id
      name
    }
  }
`);

const createAccountDocument = graphql(`
  mutation CreateAccount($input: NewAccount!) {
    createAccount(input: $input) {
      username
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

const accessLogDocument = graphql(`
  query AccessLog {
    accessLog(first: 50) {
      totalCount
      entries {
        id
        at
        username
        role
        personIds
        field
      }
    }
  }
`);

const accountEventsDocument = graphql(`
  query AccountEvents {
    accountEvents(first: 50) {
      id
      at
      actor
      subject
      action
      detail
      address
    }
  }
`);

const ROLES: Role[] = ['ADMIN', 'PROVINCE', 'DISTRICT', 'OFFICER', 'ANALYST'];

/** The argument a BAD_USER_INPUT names, to show the message beside its field. */
/** Accounts, for administrators: who may sign in with which role, their tokens, and the means to change them. */
export function AccountsPage() {
  const [result, reexecute] = useQuery({ query: accountsDocument });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, refresh, (data) => data);
  const [, setDisabled] = useMutation(setDisabledDocument);
  const [, resetPassword] = useMutation(resetPasswordDocument);
  const [, createToken] = useMutation(createTokenDocument);
  const [, revokeToken] = useMutation(revokeTokenDocument);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string; secret?: string } | null>(null);

  async function act(
    run: () => Promise<{ error?: CombinedError }>,
    done: string,
    secret?: () => string | undefined,
  ) {
    const outcome = await run();
    if (outcome.error) setNotice({ kind: 'error', text: errorMessage(outcome.error) });
    else setNotice({ kind: 'ok', text: done, secret: secret?.() });
    refresh();
  }

  return (
    <>
      <PageHeading title={t.accounts.title} subtitle={t.accounts.subtitle} />
      {notice && (
        <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.secret && (
            <p>
              <code className="notice__secret">{notice.secret}</code>
            </p>
          )}
        </div>
      )}
      <Panel title={t.accounts.listTitle}>
        <LoadableContent state={state}>
          {(data) => (
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
                  {data.accounts.map((account) => {
                    const live = account.tokens.filter(
                      (k) => !k.revoked && k.expiresAt > new Date().toISOString(),
                    );
                    return (
                      <tr key={account.username}>
                        <th scope="row">
                          {account.username}
                          <span className="subline">{account.displayName}</span>
                        </th>
                        <td>{t.account.roles[account.role]}</td>
                        <td>
                          {account.area?.name ??
                            (account.staff
                              ? `${account.staff.fullName} (${account.staff.id})`
                              : t.accounts.wholeProvince)}
                        </td>
                        <td>{account.disabled ? t.accounts.disabled : t.accounts.active}</td>
                        <td>
                          {live.map((k) => (
                            <span key={k.prefix} className="token-chip">
                              <code>{k.prefix}</code> {t.accounts.until(formatDate(k.expiresAt.slice(0, 10)))}{' '}
                              <button
                                type="button"
                                className="link-button"
                                onClick={() =>
                                  void act(
                                    () => revokeToken({ prefix: k.prefix }),
                                    t.accounts.revoked(k.prefix),
                                  )
                                }
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
                            onClick={() =>
                              void act(
                                () =>
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
                            onClick={() => {
                              const password = window.prompt(t.accounts.newPasswordPrompt(account.username));
                              if (password)
                                void act(
                                  () => resetPassword({ username: account.username, password }),
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
                              onClick={async () => {
                                const outcome = await createToken({
                                  username: account.username,
                                  expiresInDays: 90,
                                });
                                if (outcome.error)
                                  setNotice({ kind: 'error', text: errorMessage(outcome.error) });
                                else
                                  setNotice({
                                    kind: 'ok',
                                    text: t.accounts.tokenDone(account.username),
                                    secret: outcome.data?.createToken.token,
                                  });
                                refresh();
                              }}
                            >
                              {t.accounts.newToken}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </LoadableContent>
      </Panel>
      <AccessLogPanel />
      <AccountEventsPanel />
      <AuditLogPanel />
      <Panel title={t.accounts.createTitle}>
        <LoadableContent state={state}>
          {(data) => (
            <CreateAccountForm
              districts={data.areas}
              onCreated={(u) => {
                setNotice({ kind: 'ok', text: t.accounts.created(u) });
                refresh();
              }}
            />
          )}
        </LoadableContent>
      </Panel>
    </>
  );
}

function CreateAccountForm({
  districts,
  onCreated,
}: {
  districts: { id: string; name: string }[];
  onCreated: (username: string) => void;
}) {
  const [role, setRole] = useState<Role>('DISTRICT');
  const [{ fetching, error }, createAccount] = useMutation(createAccountDocument);
  const problem = problemOf(error);
  const fieldError = (argument: string) =>
    problem?.argument === argument ? (
      <span className="field-error" role="alert">
        {problem.message}
      </span>
    ) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    const outcome = await createAccount({
      input: {
        username: String(data.get('username') ?? '').trim(),
        displayName: text('displayName'),
        role,
        areaId: role === 'DISTRICT' ? text('areaId') : null,
        staffId: role === 'OFFICER' ? text('staffId') : null,
        password: String(data.get('password') ?? ''),
      },
    });
    if (!outcome.error && outcome.data) {
      form.reset();
      onCreated(outcome.data.createAccount.username);
    }
  }

  return (
    <form className="form-grid" onSubmit={submit}>
      <label htmlFor="acc-username">{t.accounts.username}</label>
      <div>
        <input id="acc-username" name="username" required autoComplete="off" />
        {fieldError('input.username')}
      </div>
      <label htmlFor="acc-name">{t.accounts.displayName}</label>
      <input id="acc-name" name="displayName" autoComplete="off" />
      <label htmlFor="acc-role">{t.accounts.role}</label>
      <select id="acc-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t.account.roles[r]}
          </option>
        ))}
      </select>
      {role === 'DISTRICT' && (
        <>
          <label htmlFor="acc-area">{t.accounts.area}</label>
          <div>
            <select id="acc-area" name="areaId">
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            {fieldError('input.areaId')}
          </div>
        </>
      )}
      {role === 'OFFICER' && (
        <>
          <label htmlFor="acc-staff">{t.accounts.staff}</label>
          <div>
            <input id="acc-staff" name="staffId" placeholder="CB0012" autoComplete="off" />
            {fieldError('input.staffId')}
          </div>
        </>
      )}
      <label htmlFor="acc-password">{t.accounts.password}</label>
      <div>
        <input id="acc-password" name="password" type="password" required autoComplete="new-password" />
        {fieldError('input.password')}
      </div>
      {problem && !problem.argument?.startsWith('input.') && (
        <p className="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <div />
      <button type="submit" className="button button--primary" disabled={fetching}>
        {t.accounts.create}
      </button>
    </form>
  );
}

/** The newest reads of persons' data: who, when, how many persons, through which field. */
function AccessLogPanel() {
  const [result, reexecute] = useQuery({ query: accessLogDocument, requestPolicy: 'network-only' });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, retry, (data) => data.accessLog);
  return (
    <Panel title={t.accounts.logTitle}>
      <LoadableContent state={state} isEmpty={(log) => log.entries.length === 0}>
        {(log) => (
          <>
            <p className="panel__note">{t.accounts.logNote(formatInteger(log.totalCount))}</p>
            <DataTable
              label={t.accounts.logTitle}
              rows={log.entries}
              rowKey={(entry) => entry.id}
              columns={[
                { header: t.accounts.logAt, cell: (entry) => formatDateTime(entry.at) },
                {
                  header: t.accounts.username,
                  cell: (entry) => (
                    <>
                      {entry.username}{' '}
                      <span className="subline">{t.account.roles[entry.role as Role] ?? entry.role}</span>
                    </>
                  ),
                },
                { header: t.accounts.logField, cell: (entry) => <code>{entry.field}</code> },
                {
                  header: t.accounts.logPersons,
                  cell: (entry) => formatInteger(entry.personIds.length),
                  numeric: true,
                },
              ]}
            />
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}

/** The newest account events: sign-ins, failed sign-ins, changes to accounts, tokens and goals. */
function AccountEventsPanel() {
  const [result, reexecute] = useQuery({ query: accountEventsDocument, requestPolicy: 'network-only' });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, retry, (data) => data.accountEvents);
  return (
    <Panel title={t.accounts.eventsTitle}>
      <LoadableContent state={state} isEmpty={(events) => events.length === 0}>
        {(events) => (
          <DataTable
            label={t.accounts.eventsTitle}
            rows={events}
            rowKey={(event) => event.id}
            columns={[
              { header: t.accounts.logAt, cell: (event) => formatDateTime(event.at) },
              {
                header: t.accounts.eventAction,
                cell: (event) =>
                  t.accounts.actions_[event.action as keyof typeof t.accounts.actions_] ?? event.action,
              },
              { header: t.accounts.eventSubject, cell: (event) => event.subject },
              { header: t.accounts.eventActor, cell: (event) => event.actor ?? t.accounts.commandLine },
              {
                header: t.accounts.eventDetail,
                cell: (event) => [event.detail, event.address].filter(Boolean).join(' · '),
              },
            ]}
          />
        )}
      </LoadableContent>
    </Panel>
  );
}

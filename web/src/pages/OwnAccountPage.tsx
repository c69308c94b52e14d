import { useCan } from '../auth/session.tsx';
import { ChangePasswordForm } from '../components/accounts/ChangePasswordForm.tsx';
import { OwnTokensPanel } from '../components/accounts/OwnTokensPanel.tsx';
import { LoadableContent } from '../components/common/LoadableContent.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { graphql } from '../gql';
import { t } from '../i18n/index.ts';
import { useLoadable } from '../lib/useLoadable.ts';

const ownAccountPageDocument = graphql(`
  query OwnAccountPage {
    me {
      username
      displayName
      role
      tokens {
        ...OwnTokenFields
      }
    }
  }
`);

/** `/account`: what any account does to itself: its password and its own API tokens. */
export function OwnAccountPage() {
  const can = useCan();
  const state = useLoadable(ownAccountPageDocument, {}, (data) => data.me);
  return (
    <>
      <PageHeading
        title={t.ownAccount.title}
        subtitle={
          state.status === 'ready'
            ? t.ownAccount.subtitle(state.data.username, t.account.roles[state.data.role])
            : undefined
        }
      />
      {can('password:own') && (
        <Panel title={t.ownAccount.passwordTitle} action="password:own">
          <ChangePasswordForm />
        </Panel>
      )}
      {can('tokens:own') && (
        <LoadableContent state={state}>
          {(me) => <OwnTokensPanel tokens={me.tokens} onChange={state.refresh} />}
        </LoadableContent>
      )}
    </>
  );
}

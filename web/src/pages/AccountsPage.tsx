import { useState } from 'react';
import { useCan } from '../auth/session.tsx';
import { AccessLogPanel } from '../components/accounts/AccessLogPanel.tsx';
import { AccountEventsPanel } from '../components/accounts/AccountEventsPanel.tsx';
import { AccountNotice, type Notice } from '../components/accounts/AccountNotice.tsx';
import { AccountsPanel } from '../components/accounts/AccountsPanel.tsx';
import { CreateAccountForm } from '../components/accounts/CreateAccountForm.tsx';
import { RefusalAlerts } from '../components/accounts/RefusalAlerts.tsx';
import { RefusalsPanel } from '../components/accounts/RefusalsPanel.tsx';
import { LoadableContent } from '../components/common/LoadableContent.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { AuditLogPanel } from '../components/recording/AuditLogPanel.tsx';
import { graphql } from '../gql';
import { t } from '../i18n/index.ts';
import { latestWithDistricts, useGeographies } from '../lib/geography.ts';
import { mapLoadable } from '../lib/loadable.ts';
import { useLoadable } from '../lib/useLoadable.ts';

const accountsPageDocument = graphql(`
  query AccountsPage($geography: ID!) {
    accounts {
      username
      ...AccountRowFields
    }
    areas(level: DISTRICT, geography: $geography) {
      ...DistrictChoiceFields
    }
    offices {
      ...OfficeChoiceFields
    }
  }
`);

/**
 * `/admin/accounts`: who may sign in with which role, their tokens, who read persons' data and who was
 * refused it (with an alert line at the top for an account refused too often), what changed.
 */
export function AccountsPage() {
  const can = useCan();
  // A district head's account is bound to a district of the latest map that has districts.
  const list = useGeographies();
  const geography = list ? latestWithDistricts(list)?.id : undefined;
  const state = useLoadable(accountsPageDocument, { geography: geography ?? '' }, (data) => data, {
    pause: !can('accounts:manage') || !list,
  });
  const [notice, setNotice] = useState<Notice | null>(null);
  if (!can('accounts:manage'))
    return (
      <>
        <PageHeading title={t.accounts.title} />
        <p className="state-message">{t.accounts.notForRole}</p>
      </>
    );

  // Tokens and passwords change nothing the cache can see, so every change asks for the list again.
  function changed(next: Notice) {
    setNotice(next);
    state.refresh();
  }

  return (
    <>
      <PageHeading title={t.accounts.title} subtitle={t.accounts.subtitle} />
      {can('access-log:read') && <RefusalAlerts />}
      {notice && <AccountNotice notice={notice} />}
      <AccountsPanel state={mapLoadable(state, (data) => data.accounts)} onChange={changed} />
      {can('access-log:read') && <AccessLogPanel />}
      {can('access-log:read') && <RefusalsPanel />}
      <AccountEventsPanel />
      {can('audit-log:read') && <AuditLogPanel />}
      <Panel title={t.accounts.createTitle}>
        <LoadableContent state={state}>
          {(data) => (
            <CreateAccountForm
              districts={data.areas}
              offices={data.offices}
              geography={geography ?? null}
              onCreated={(username) => changed({ kind: 'ok', text: t.accounts.created(username) })}
            />
          )}
        </LoadableContent>
      </Panel>
    </>
  );
}

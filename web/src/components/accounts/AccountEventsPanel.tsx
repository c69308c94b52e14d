import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DataTable } from '../common/DataTable.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

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

const actionText = (action: string) =>
  t.accounts.actions_[action as keyof typeof t.accounts.actions_] ?? action;
const detailText = (event: { detail?: string | null; address?: string | null }) =>
  [event.detail, event.address].filter(Boolean).join(' · ');

/** The newest account events: sign-ins, failed sign-ins, changes to accounts, tokens and goals. */
export function AccountEventsPanel() {
  const state = useLoadable(accountEventsDocument, {}, (data) => data.accountEvents, {
    requestPolicy: 'network-only',
  });
  return (
    <Panel title={t.accounts.eventsTitle} action="accounts:manage">
      <LoadableContent state={state} isEmpty={(events) => events.length === 0}>
        {(events) => (
          <DataTable
            label={t.accounts.eventsTitle}
            rows={events}
            rowKey={(event) => event.id}
            prefix="e."
            download={{ what: 'su-kien-tai-khoan', of: 'tinh', asOf: null, sheet: t.accounts.eventsTitle }}
            columns={[
              {
                header: t.accounts.logAt,
                cell: (event) => formatDateTime(event.at),
                value: (event) => formatDateTime(event.at),
                sortValue: (event) => event.at,
              },
              {
                header: t.accounts.eventAction,
                cell: (event) => actionText(event.action),
                value: (event) => actionText(event.action),
              },
              {
                header: t.accounts.eventSubject,
                cell: (event) => event.subject,
                value: (event) => event.subject,
              },
              {
                header: t.accounts.eventActor,
                cell: (event) => event.actor ?? t.accounts.commandLine,
                value: (event) => event.actor ?? t.accounts.commandLine,
              },
              {
                header: t.accounts.eventDetail,
                cell: (event) => detailText(event),
                value: (event) => detailText(event),
              },
            ]}
          />
        )}
      </LoadableContent>
    </Panel>
  );
}

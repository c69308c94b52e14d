import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDateTime, formatInteger, formatMinute } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';

const refusalAlertsDocument = graphql(`
  query RefusalAlerts {
    refusalAlerts {
      threshold
      accounts {
        username
        refusals
        at
        minutes
        lastAt
      }
    }
  }
`);

/**
 * The alert lines at the top of the accounts page: each account refused more than the threshold within
 * a minute over the last 24 hours, its worst minute first. Nothing at all while there is none (or
 * while it loads: an alert is not worth a spinner of its own).
 */
export function RefusalAlerts() {
  const state = useLoadable(refusalAlertsDocument, {}, (data) => data.refusalAlerts, {
    requestPolicy: 'network-only',
  });
  if (state.status !== 'ready' || state.data.accounts.length === 0) return null;
  const { threshold, accounts } = state.data;
  return (
    <div className="notice notice--error refusal-alerts" role="alert" data-action="access-log:read">
      {accounts.map((account) => (
        <p key={account.username}>
          <strong>{t.accounts.alertLabel}</strong>{' '}
          {t.accounts.alertLine(account.username, formatInteger(account.refusals), formatMinute(account.at))}
          {account.minutes > 1 && (
            <span className="subline">
              {' '}
              {t.accounts.alertMore(formatInteger(account.minutes), formatDateTime(account.lastAt))}
            </span>
          )}
        </p>
      ))}
      <p className="subline">{t.accounts.alertThreshold(formatInteger(threshold))}</p>
    </div>
  );
}

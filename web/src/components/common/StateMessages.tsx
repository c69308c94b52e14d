import { t } from '../../i18n/index.ts';

/** What a panel shows while its data is on the way. */
export function LoadingState() {
  return (
    <p className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t.state.loading}
    </p>
  );
}

/** What a panel shows when its data came back with nothing in it. */
export function EmptyState() {
  return (
    <p className="state state--empty" role="status">
      {t.state.empty}
    </p>
  );
}

/** What a panel shows when its data could not be loaded, with a button to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <p>{t.state.error(message)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.state.retry}
      </button>
    </div>
  );
}

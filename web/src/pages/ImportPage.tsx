import { useCan } from '../auth/session.tsx';
import { ImportHistoryPanel, useImportHistory } from '../components/imports/ImportHistoryPanel.tsx';
import { UploadPanel } from '../components/imports/UploadPanel.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { t } from '../i18n/index.ts';

/** `/imports`: upload a file, see every problem by row and column, then confirm; and the imports so far. */
export function ImportPage() {
  const can = useCan();
  const history = useImportHistory({ pause: !can('imports:read') });
  if (!can('files:import') && !can('imports:read'))
    return (
      <>
        <PageHeading title={t.imports.title} />
        <p className="state-message">{t.imports.notForRole}</p>
      </>
    );
  return (
    <>
      <PageHeading title={t.imports.title} subtitle={can('files:import') ? t.imports.subtitle : undefined} />
      {can('files:import') && <UploadPanel onImported={history.refresh} />}
      {can('imports:read') && <ImportHistoryPanel state={history} />}
    </>
  );
}

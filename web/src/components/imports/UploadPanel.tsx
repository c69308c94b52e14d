import { type FormEvent, useRef, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { Panel } from '../common/Panel.tsx';
import { ImportStage, type Stage } from './ImportStage.tsx';
import { KINDS, type Kind, sendFile } from './send-file.ts';

/** Choose a kind and a file, check it (a dry run), then confirm: `onImported` follows every answer. */
export function UploadPanel({ onImported }: { onImported: () => void }) {
  const [kind, setKind] = useState<Kind>('steps');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [encoding, setEncoding] = useState('');

  async function run(dryRun: boolean) {
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    setStage({ kind: 'working', rowsRead: 0, applying: !dryRun });
    try {
      const summary = await sendFile(kind, file, { dryRun, skipInvalid, encoding }, (rowsRead) =>
        setStage({ kind: 'working', rowsRead, applying: !dryRun }),
      );
      setStage({ kind: dryRun ? 'checked' : 'applied', summary });
      onImported();
    } catch (error) {
      setStage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(true);
  }

  return (
    <Panel title={t.imports.uploadTitle}>
      <form
        className="form-grid"
        onSubmit={check}
        aria-label={t.imports.uploadTitle}
        data-action="files:import"
      >
        <label htmlFor="im-kind">{t.imports.kind}</label>
        <div>
          <select
            id="im-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setStage({ kind: 'idle' });
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.imports.kinds[k]}
              </option>
            ))}
          </select>
          <p className="panel__note">
            {t.imports.template}{' '}
            <a href={`/imports/templates/${kind}.xlsx`} download>
              XLSX
            </a>{' '}
            ·{' '}
            <a href={`/imports/templates/${kind}.csv`} download>
              CSV
            </a>
          </p>
        </div>
        <label htmlFor="im-file">{t.imports.file}</label>
        <input
          id="im-file"
          ref={fileInput}
          type="file"
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={() => setStage({ kind: 'idle' })}
        />
        <label htmlFor="im-encoding">{t.imports.encoding}</label>
        <select id="im-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          <option value="">{t.imports.encodingAuto}</option>
          <option value="windows-1258">Windows-1258</option>
        </select>
        <div />
        <label className="filters__check">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          {t.imports.skipInvalid}
        </label>
        <div />
        <div>
          <button type="submit" className="button button--primary" disabled={stage.kind === 'working'}>
            {t.imports.check}
          </button>{' '}
          {stage.kind === 'checked' && stage.summary.accepted && (
            <button type="button" className="button button--primary" onClick={() => void run(false)}>
              {t.imports.apply}
            </button>
          )}
        </div>
      </form>
      <ImportStage stage={stage} />
    </Panel>
  );
}

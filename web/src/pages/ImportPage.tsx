import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useCan } from '../auth/session.tsx';
import { DataTable } from '../components/common/DataTable.tsx';
import { LoadableContent } from '../components/common/LoadableContent.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { ScrollRegion } from '../components/common/ScrollRegion.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { graphql } from '../gql';
import { language, t } from '../i18n/index.ts';
import { formatDateTime, formatInteger } from '../lib/format.ts';
import { fromQuery } from '../lib/loadable.ts';

const KINDS = [
  'units',
  'persons',
  'steps',
  'milestones',
  'assignments',
  'staff',
  'offices',
  'areas',
] as const;
type Kind = (typeof KINDS)[number];

const importHistoryDocument = graphql(`
  query ImportHistory {
    imports(first: 20) {
      id
      kind
      fileName
      username
      osUser
      finishedAt
      rowsRead
      rowsWritten
      rowsRejected
      warnings
      outcome
    }
  }
`);

interface Problem {
  row: number | null;
  code: string;
  column: string | null;
  severity: 'error' | 'warning';
  messageVi: string;
  message: string;
}

interface Summary {
  accepted: boolean;
  outcome: 'APPLIED' | 'REJECTED' | 'DRY_RUN' | 'FAILED';
  rowsRead: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  errors: number;
  warnings: number;
  problems: Problem[];
  problemsOmitted: number;
  alreadyImported: { at: string; by: string } | null;
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'working'; rowsRead: number; applying: boolean }
  | { kind: 'checked' | 'applied'; summary: Summary }
  | { kind: 'failed'; message: string };

/** Sends the file and reads the answer's JSON lines: progress while the server reads, then the summary. */
async function sendFile(
  kind: Kind,
  file: File,
  options: { dryRun: boolean; skipInvalid: boolean; encoding: string },
  onProgress: (rowsRead: number) => void,
): Promise<Summary> {
  const query = new URLSearchParams({
    dryRun: options.dryRun ? '1' : '0',
    skipInvalid: options.skipInvalid ? '1' : '0',
    encoding: options.encoding,
  });
  const response = await fetch(`/imports/${kind}?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `HTTP ${response.status}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as {
        progress?: { rowsRead: number };
        summary?: Summary;
        error?: string;
      };
      buffered = buffered.slice(newline + 1);
      if (line.progress) onProgress(line.progress.rowsRead);
      if (line.summary) return line.summary;
      if (line.error) throw new Error(line.error);
      newline = buffered.indexOf('\n');
    }
    if (done) throw new Error(t.imports.noAnswer);
  }
}

/** `/imports`: upload a file, see every problem by row and column, then confirm. */
export function ImportPage() {
  const can = useCan();
  const [kind, setKind] = useState<Kind>('steps');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const [history, reexecute] = useQuery({ query: importHistoryDocument, requestPolicy: 'network-only' });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const historyState = fromQuery(history, refresh, (data) => data.imports);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [encoding, setEncoding] = useState('');

  if (!can('files:import'))
    return (
      <>
        <PageHeading title={t.imports.title} />
        <p className="state-message">{t.imports.notForRole}</p>
      </>
    );

  async function run(dryRun: boolean) {
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    setStage({ kind: 'working', rowsRead: 0, applying: !dryRun });
    try {
      const summary = await sendFile(kind, file, { dryRun, skipInvalid, encoding }, (rowsRead) =>
        setStage({ kind: 'working', rowsRead, applying: !dryRun }),
      );
      setStage({ kind: dryRun ? 'checked' : 'applied', summary });
      refresh();
    } catch (error) {
      setStage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(true);
  }

  return (
    <>
      <PageHeading title={t.imports.title} subtitle={t.imports.subtitle} />
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
      <Panel title={t.imports.historyTitle}>
        <LoadableContent state={historyState} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              label={t.imports.historyTitle}
              rows={rows}
              rowKey={(node) => node.id}
              columns={[
                { header: t.imports.when, cell: (node) => formatDateTime(node.finishedAt) },
                { header: t.imports.who, cell: (node) => node.username ?? `cli:${node.osUser ?? ''}` },
                { header: t.imports.kind, cell: (node) => t.imports.kinds[node.kind.toLowerCase() as Kind] },
                { header: t.imports.file, cell: (node) => node.fileName, rowHeader: true },
                { header: t.imports.rowsRead, cell: (node) => formatInteger(node.rowsRead), numeric: true },
                {
                  header: t.imports.rowsWritten,
                  cell: (node) => formatInteger(node.rowsWritten),
                  numeric: true,
                },
                {
                  header: t.imports.rowsRejected,
                  cell: (node) => formatInteger(node.rowsRejected),
                  numeric: true,
                },
                { header: t.imports.outcome, cell: (node) => t.imports.outcomes[node.outcome] },
              ]}
            />
          )}
        </LoadableContent>
      </Panel>
    </>
  );
}

function ImportStage({ stage }: { stage: Stage }) {
  if (stage.kind === 'idle') return null;
  if (stage.kind === 'working')
    return (
      <p className="state-message" role="status">
        {stage.applying ? t.imports.applying : t.imports.checking}{' '}
        {t.imports.rowsSoFar(formatInteger(stage.rowsRead))}
      </p>
    );
  if (stage.kind === 'failed')
    return (
      <p className="field-error" role="alert">
        {stage.message}
      </p>
    );
  const s = stage.summary;
  return (
    <div className="import-result">
      <p role="status" className={s.accepted ? 'form-done' : 'field-error'}>
        {stage.kind === 'applied'
          ? s.accepted
            ? t.imports.applied(
                formatInteger(s.rowsNew),
                formatInteger(s.rowsUpdated),
                formatInteger(s.rowsUnchanged),
              )
            : t.imports.rejected(formatInteger(s.errors))
          : s.accepted
            ? t.imports.wouldApply(
                formatInteger(s.rowsNew),
                formatInteger(s.rowsUpdated),
                formatInteger(s.rowsUnchanged),
              )
            : t.imports.wouldReject(formatInteger(s.errors))}
      </p>
      <p className="panel__note">
        {t.imports.counts(
          formatInteger(s.rowsRead),
          formatInteger(s.rowsRejected),
          formatInteger(s.warnings),
        )}
        {s.alreadyImported &&
          ` ${t.imports.already(formatDateTime(s.alreadyImported.at), s.alreadyImported.by)}`}
      </p>
      {s.problems.length > 0 && (
        <ScrollRegion label={t.imports.problemsTitle}>
          <table className="data-table">
            <caption className="visually-hidden">{t.imports.problemsTitle}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.imports.row}
                </th>
                <th scope="col">{t.imports.column}</th>
                <th scope="col">{t.imports.severity}</th>
                <th scope="col">{t.imports.problem}</th>
              </tr>
            </thead>
            <tbody>
              {s.problems.map((p) => (
                <tr
                  key={`${p.row}-${p.column}-${p.code}`}
                  className={p.severity === 'error' ? 'row--error' : 'row--warning'}
                >
                  <td className="num">{p.row ?? '–'}</td>
                  <td>{p.column ?? '–'}</td>
                  <td>{p.severity === 'error' ? t.imports.error : t.imports.warning}</td>
                  <td>{language === 'en' ? p.message : p.messageVi}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {s.problemsOmitted > 0 && (
        <p className="panel__note">{t.imports.omitted(formatInteger(s.problemsOmitted))}</p>
      )}
    </div>
  );
}

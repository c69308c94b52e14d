import { language, t } from '../../i18n/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import type { Summary } from './send-file.ts';

/** Where an upload is: nothing chosen yet, under way, checked or applied (with the summary), or failed. */
export type Stage =
  | { kind: 'idle' }
  | { kind: 'working'; rowsRead: number; applying: boolean }
  | { kind: 'checked' | 'applied'; summary: Summary }
  | { kind: 'failed'; message: string };

/** The upload's progress, then its outcome and every problem by row and column. */
export function ImportStage({ stage }: { stage: Stage }) {
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

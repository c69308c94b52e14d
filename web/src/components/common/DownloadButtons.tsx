import { useState } from 'react';
import { t } from '../../i18n/index.ts';
import { todayInVietnam } from '../../lib/days.ts';
import {
  type ExportColumn,
  type ExportFormat,
  exportFileName,
  saveFile,
  toCsv,
  toXlsx,
} from '../../lib/table-export.ts';

export interface DownloadSpec<Row> {
  /** What the table lists, as the file name says it: "don-vi". */
  what: string;
  /** Whose: an area's or a unit's code. */
  of: string;
  /** The page's day; null means today. */
  asOf: string | null;
  /** The sheet's name in the workbook. */
  sheet: string;
  columns: readonly ExportColumn<Row>[];
  /** The rows to write: those on screen, or every row of the table's filter and order (fetched). */
  rows: () => readonly Row[] | Promise<readonly Row[]>;
  /** Called with the rows before the file is handed over (the access log of persons); a throw stops it. */
  beforeSave?: (rows: readonly Row[], format: ExportFormat) => Promise<void>;
}

/** "Tải CSV" and "Tải Excel" for a table's panel; a failure is said in the interface's language. */
export function DownloadButtons<Row>({ spec }: { spec: DownloadSpec<Row> }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setProblem(null);
    try {
      const rows = await spec.rows();
      await spec.beforeSave?.(rows, format);
      const blob =
        format === 'CSV' ? await toCsv(spec.columns, rows) : await toXlsx(spec.columns, rows, spec.sheet);
      saveFile(blob, exportFileName(spec.what, spec.of, spec.asOf ?? todayInVietnam(), format));
    } catch (error) {
      setProblem(error instanceof Error && error.message ? error.message : t.downloads.failed);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="downloads">
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        aria-busy={busy === 'CSV'}
        onClick={() => void download('CSV')}
      >
        {t.downloads.csv}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        aria-busy={busy === 'XLSX'}
        onClick={() => void download('XLSX')}
      >
        {t.downloads.xlsx}
      </button>
      {problem && (
        <p className="downloads__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

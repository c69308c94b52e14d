import { language, t } from '../../i18n/index.ts';

/** The kinds of file the server imports, in the order the form offers them. */
export const KINDS = [
  'units',
  'persons',
  'steps',
  'milestones',
  'assignments',
  'staff',
  'offices',
  'areas',
] as const;
export type Kind = (typeof KINDS)[number];

/** One problem of a file: its row and column when it has them, in both languages. */
export interface Problem {
  row: number | null;
  code: string;
  column: string | null;
  severity: 'error' | 'warning';
  messageVi: string;
  message: string;
}

/** What the server answers once it has read (and, unless a dry run, written) the file. */
export interface Summary {
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

/** A refusal of the upload in the dashboard's words; the server's English only in English. */
function refusalWords(status: number, serverText: string | undefined): string {
  const words: Record<number, string> = {
    401: t.state.codes.UNAUTHENTICATED as string,
    403: t.state.forbidden,
    413: t.imports.tooLarge,
  };
  if (language === 'en' && serverText) return serverText;
  return (
    words[status] ?? (status === 400 ? t.imports.badFileName : `${t.state.unknownError} (HTTP ${status})`)
  );
}

export /** Sends the file and reads the answer's JSON lines: progress while the server reads, then the summary. */
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
    throw new Error(refusalWords(response.status, body?.error));
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
      if (line.error) throw new Error(language === 'en' ? line.error : t.imports.failedOnServer);
      newline = buffered.indexOf('\n');
    }
    if (done) throw new Error(t.imports.noAnswer);
  }
}

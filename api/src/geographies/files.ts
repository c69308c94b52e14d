import { type ColumnSpec, KIND_SPECS } from '../imports/columns.ts';
import { FileRefusedError } from '../imports/encoding.ts';
import { describeProblem } from '../imports/problems.ts';
import { openSheet } from '../imports/read.ts';
import { isBlank, mapHeader, type RowValues, validateRow } from '../imports/validate.ts';
import { today } from '../lib/dates.ts';

/*
 * The three files of `pnpm cli geography add`, read as imports are (CSV or XLSX, the same header
 * matching, encodings and limits): the areas (the `areas` import's columns), the mapping from the
 * areas of the geography before, and where the units of split areas lie.
 */

const code = (name: string, vi: string, required = true): ColumnSpec => ({
  name,
  vi,
  required,
  type: 'code',
});

export const AREAS_SPEC = KIND_SPECS.areas;

export const MAPPING_SPEC = {
  columns: [
    code('old_area_code', 'mã địa bàn cũ'),
    code('new_area_code', 'mã địa bàn mới'),
    {
      name: 'default',
      vi: 'mặc định',
      required: false,
      type: 'enum',
      values: { '1': '1', '0': '0', true: '1', false: '0', có: '1', không: '0' },
    },
  ] satisfies ColumnSpec[],
};

export const UNITS_SPEC = {
  columns: [code('unit_code', 'mã đơn vị'), code('area_code', 'mã địa bàn')] satisfies ColumnSpec[],
};

export interface FileRow {
  row: number;
  values: RowValues;
}

/** A file's rows, or the lines that say what is wrong with it ("mapping.csv: row 4, column …"). */
export async function readRows(
  bytes: Buffer,
  fileName: string,
  spec: { columns: ColumnSpec[] },
): Promise<{ rows: FileRow[]; problems: string[] }> {
  const rows: FileRow[] = [];
  const problems: string[] = [];
  const say = (line: string) => problems.push(`${fileName}: ${line}`);
  try {
    const sheet = openSheet(bytes, fileName);
    const context = { today: today(), date1904: false };
    let map: ReturnType<typeof mapHeader>['map'] | null = null;
    for await (const row of sheet.rows) {
      if (isBlank(row)) continue;
      if (!map) {
        const header = mapHeader(spec, row.cells);
        const errors = header.problems.filter((p) => p.severity === 'error');
        for (const p of errors) say(describeProblem(p));
        if (errors.length > 0) return { rows, problems };
        map = header.map;
        context.date1904 = sheet.date1904();
        continue;
      }
      const checked = validateRow(spec, map, row, context);
      for (const p of checked.problems) say(describeProblem(p));
      if (checked.problems.length === 0) rows.push({ row: row.row, values: checked.values });
    }
    if (!map) say('the file is empty: it needs a header row and rows');
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    say(describeProblem(error.problem));
  }
  return { rows, problems };
}

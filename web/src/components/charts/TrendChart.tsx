import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../i18n/index.ts';
import { formatDate, formatInteger } from '../../lib/format.ts';

export interface TrendRow {
  date: string;
  registered: number;
  approved: number;
  activated: number;
  formSigned: number;
  verified: number;
  /** Persons who first activated on that day. */
  daily: number;
}

type StepKey = 'registered' | 'approved' | 'activated' | 'formSigned' | 'verified';

// Okabe–Ito colours, which stay apart for the common colour blindnesses, each with its own dash so
// that the lines stay apart in grey-scale print too; the daily activations are grey bars.
const LINES: { key: StepKey; colour: string; dash?: string; width: number }[] = [
  { key: 'registered', colour: '#0072B2', width: 2 },
  { key: 'approved', colour: '#56B4E9', dash: '6 3', width: 2 },
  { key: 'activated', colour: '#D55E00', width: 3.5 },
  { key: 'formSigned', colour: '#009E73', dash: '2 3', width: 2 },
  { key: 'verified', colour: '#CC79A7', dash: '8 3 2 3', width: 2 },
];
const TEXT_COLOUR = '#3d4a5c';

/**
 * Legend and tooltip in the order of the funnel, the day's activations last: the bars are drawn
 * first (under the lines), which recharts would otherwise put first in both.
 */
const ORDER: string[] = [...LINES.map((line) => line.key), 'daily'];
const byFunnel = (item: { dataKey?: unknown }) => ORDER.indexOf(String(item.dataKey));

/** The five steps, cumulative, day by day, with each day's new activations as bars below them. */
export function TrendChart({ rows }: { rows: TrendRow[] }) {
  return (
    <figure className="chart">
      <ComposedChart
        responsive
        style={{ width: '100%', height: 360 }}
        data={rows}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      >
        <CartesianGrid stroke="#e3e8ef" vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(day: string) => formatDate(day).slice(0, 5)}
          tick={{ fill: TEXT_COLOUR, fontSize: 12 }}
          minTickGap={24}
        />
        <YAxis
          yAxisId="total"
          tickFormatter={formatInteger}
          tick={{ fill: TEXT_COLOUR, fontSize: 12 }}
          width={64}
          allowDecimals={false}
        />
        <YAxis
          yAxisId="daily"
          orientation="right"
          tickFormatter={formatInteger}
          tick={{ fill: TEXT_COLOUR, fontSize: 12 }}
          width={48}
          // Persons per day are whole: no 0, 1, 1, 2, 2 from rounded fractions.
          allowDecimals={false}
        />
        <Tooltip
          labelFormatter={(day) => formatDate(String(day))}
          formatter={(value, name) => [formatInteger(Number(value)), name]}
          itemSorter={byFunnel}
        />
        <Legend itemSorter={byFunnel} />
        <Bar yAxisId="daily" dataKey="daily" name={t.trend.daily} fill="#cdd3da" isAnimationActive={false} />
        {LINES.map((line) => (
          <Line
            key={line.key}
            yAxisId="total"
            dataKey={line.key}
            name={t.tiles[line.key]}
            stroke={line.colour}
            strokeWidth={line.width}
            strokeDasharray={line.dash}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
      <figcaption className="chart__caption">{t.trend.caption}</figcaption>
    </figure>
  );
}

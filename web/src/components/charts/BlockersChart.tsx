import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../i18n/index.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';

export interface BlockerBar {
  reason: string;
  label: string;
  persons: number;
  share: number;
}

// Recorded reasons in the dashboards' dark blue; "no reason recorded" in a light grey, so that the
// two stay apart by lightness in grey-scale print as well as by colour.
const BAR_COLOUR = '#0b4f8a';
const UNKNOWN_COLOUR = '#a9b4c2';
const TEXT_COLOUR = '#3d4a5c';
const ROW_HEIGHT = 36;

/** Whether the screen is a phone's: the labels then take less of the width, so that bars remain. */
function useNarrow(): boolean {
  const query = '(max-width: 760px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const change = () => setNarrow(list.matches);
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, []);
  return narrow;
}

/** One bar per reason, in the order given (most persons first, "no reason recorded" last). */
export function BlockersChart({ rows }: { rows: BlockerBar[] }) {
  const narrow = useNarrow();
  return (
    <figure className="chart">
      <BarChart
        responsive
        style={{ width: '100%', height: rows.length * ROW_HEIGHT + 40 }}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: narrow ? 44 : 120, bottom: 8, left: 8 }}
        barCategoryGap="22%"
      >
        <CartesianGrid horizontal={false} stroke="#e3e8ef" />
        <XAxis
          type="number"
          tickFormatter={(value: number) => formatInteger(value)}
          tick={{ fill: TEXT_COLOUR, fontSize: 13 }}
          stroke="#b8c2cf"
          allowDecimals={false}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={narrow ? 136 : 270}
          tick={{ fill: TEXT_COLOUR, fontSize: narrow ? 11 : 13 }}
          tickLine={false}
          stroke="#b8c2cf"
        />
        <Tooltip
          cursor={{ fill: 'rgba(11, 79, 138, 0.08)' }}
          separator={t.chart.tooltipSeparator}
          formatter={(value, _name, item) => [
            `${formatInteger(Number(value))} (${formatPercent((item.payload as BlockerBar).share)})`,
            t.blockers.persons,
          ]}
        />
        <Bar dataKey="persons" name={t.blockers.persons} isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.reason} fill={row.reason === 'UNKNOWN' ? UNKNOWN_COLOUR : BAR_COLOUR} />
          ))}
          <LabelList
            dataKey="persons"
            position="right"
            formatter={(value) => formatInteger(Number(value))}
            fill={TEXT_COLOUR}
            fontSize={13}
          />
        </Bar>
      </BarChart>
      <figcaption className="chart__caption">{t.blockers.caption}</figcaption>
    </figure>
  );
}

import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../i18n/index.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import type { PartLevel } from '../coverage/queries.ts';

export interface DistrictActivation {
  id: string;
  name: string;
  /** Activated / target, between 0 and 1. */
  rate: number;
  activated: number;
  target: number;
}

interface DistrictActivationChartProps {
  districts: DistrictActivation[];
  /** The province's name and rate, drawn as the reference line. */
  provinceName: string;
  /** What the bars are: districts or communes. */
  parts: PartLevel;
  provinceRate: number;
  /** The goal's activation rate that applies to the area, drawn as a second line; null when none is set. */
  goalRate: number | null;
}

// One dark blue for the bars, a dashed orange-brown line for the province and a dotted near-black line
// for the goal: they stay apart in grey-scale by lightness and by the dash.
const BAR_COLOUR = '#0b4f8a';
const LINE_COLOUR = '#b54708';
const GOAL_COLOUR = '#1f2933';
const TEXT_COLOUR = '#3d4a5c';
const ROW_HEIGHT = 38;
const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * A reference line's label above the plot, written away from the other line (to the left of the lower
 * one, to the right of the higher) so that the two never overlap however close they are.
 */
function lineLabel(text: string, colour: string, anchor: 'start' | 'end') {
  return ({ viewBox }: { viewBox?: { x?: number; y?: number } }) => (
    <text
      x={(viewBox?.x ?? 0) + (anchor === 'start' ? 6 : -6)}
      y={(viewBox?.y ?? 0) - 10}
      textAnchor={anchor}
      fill={colour}
      fontSize={13}
      fontWeight={600}
    >
      {text}
    </text>
  );
}

/** Horizontal bars of each district's activation rate, highest first, against the province rate. */
export function DistrictActivationChart({
  districts,
  provinceName,
  parts,
  provinceRate,
  goalRate,
}: DistrictActivationChartProps) {
  const data = [...districts].sort((a, b) => b.rate - a.rate || a.name.localeCompare(b.name, 'vi'));
  const height = data.length * ROW_HEIGHT + 70;
  return (
    <figure className="chart">
      <BarChart
        responsive
        style={{ width: '100%', height }}
        data={data}
        layout="vertical"
        margin={{ top: 28, right: 56, bottom: 8, left: 8 }}
        barCategoryGap="22%"
      >
        <CartesianGrid horizontal={false} stroke="#e3e8ef" />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={ticks}
          tickFormatter={(value: number) => formatPercent(value, 0)}
          tick={{ fill: TEXT_COLOUR, fontSize: 13 }}
          stroke="#b8c2cf"
        />
        <YAxis
          type="category"
          dataKey="name"
          width={170}
          tick={{ fill: TEXT_COLOUR, fontSize: 13 }}
          tickLine={false}
          stroke="#b8c2cf"
        />
        <Tooltip
          cursor={{ fill: 'rgba(11, 79, 138, 0.08)' }}
          separator={t.chart.tooltipSeparator}
          formatter={(value, _name, item) => {
            const row = item.payload as DistrictActivation;
            return [
              `${formatPercent(Number(value))} (${t.chart.tooltipCounts(formatInteger(row.activated), formatInteger(row.target))})`,
              t.chart.seriesName,
            ];
          }}
        />
        <Bar dataKey="rate" name={t.chart.seriesName} fill={BAR_COLOUR} isAnimationActive={false}>
          <LabelList
            dataKey="rate"
            position="right"
            formatter={(value) => formatPercent(Number(value))}
            fill={TEXT_COLOUR}
            fontSize={13}
            // Above the dashed province line, on white, so a label the line crosses stays readable.
            background={{ fill: '#ffffff', padding: 2 }}
          />
        </Bar>
        <ReferenceLine
          x={provinceRate}
          stroke={LINE_COLOUR}
          strokeWidth={2}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={lineLabel(
            t.chart.areaLine(provinceName, formatPercent(provinceRate)),
            LINE_COLOUR,
            goalRate !== null && goalRate < provinceRate ? 'start' : 'end',
          )}
        />
        {goalRate !== null && (
          <ReferenceLine
            x={goalRate}
            stroke={GOAL_COLOUR}
            strokeWidth={2}
            strokeDasharray="2 3"
            label={lineLabel(
              t.chart.goalLine(formatPercent(goalRate, 0)),
              GOAL_COLOUR,
              goalRate < provinceRate ? 'end' : 'start',
            )}
          />
        )}
      </BarChart>
      <figcaption className="chart__caption">
        {t.chart.caption(t.parts[parts].plural, provinceName, formatPercent(provinceRate))}
        {goalRate !== null && ` ${t.chart.goalCaption(formatPercent(goalRate, 0))}`}
      </figcaption>
    </figure>
  );
}

import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { getBlockers } from '../db/queries/blockers.ts';
import { type BreakdownRow, type Dimension, getBreakdown } from '../db/queries/breakdown.ts';
import { type CoverageFigures, getCoverage } from '../db/queries/coverage.ts';
import { geographyHasLevel } from '../db/queries/geographies.ts';
import { getGoalsFor } from '../db/queries/goals.ts';
import { type Forecast, getForecast, getPace, type Pace } from '../db/queries/progress.ts';
import type { Scope } from '../db/queries/scope.ts';
import { breakdownLabel, type LabelledBlockerRow, labelBlockers } from '../labels.ts';
import type { IsoDate } from '../lib/dates.ts';
import { districtIssuer, type Issuer, officeIssuer, PROVINCIAL_ISSUER } from './issuer.ts';
import type { NoteSection } from './notes.ts';
import type { ReportRequest } from './request.ts';

/** One part of the scope (a district, office, sector, officer) on both days of the report. */
export interface PartFigures {
  key: string;
  label: string;
  now: CoverageFigures;
  /** The same part on the comparison day; all zeros when it had no row then. */
  before: CoverageFigures;
}

/** A unit named in the report's lists: an employer, never a person. */
export interface UnitLine {
  code: string;
  name: string;
  target: number;
  activated: number;
  activationRate: number;
  contacted: boolean;
}

/**
 * Everything a report says, as numbers: what publishing stores (jsonb) and what every format, the
 * narrative and the difference list are made from. Each figure is what `coverage`, `breakdown`,
 * `blockers`, `pace` and `forecast` answer for the same scope and days, because it is read through the
 * same data-layer functions.
 */
export interface ReportFigures {
  version: 1;
  area: {
    code: string;
    name: string;
    level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
    /** The geography the report was made in; absent in reports published before there were several. */
    geography?: { code: string; name: string };
  };
  /**
   * The office whose units the report counts, for the report of an office's account (a BHXH cơ sở):
   * its area is then the map's province, and its parts the communes that hold those units.
   */
  office?: { code: string; name: string };
  /** Who issues it; absent in reports published before each office issued its own (the province). */
  issuer?: Issuer;
  asOf: IsoDate;
  compare: IsoDate;
  total: { now: CoverageFigures; before: CoverageFigures };
  /** The level the parts table splits the area into: districts of a province, communes of a district. */
  partsLevel: 'DISTRICT' | 'COMMUNE' | null;
  /**
   * True when the report's map has no district level (from 1/7/2025, when local government has two
   * tiers and the communes are "xã, phường, đặc khu" rather than "xã, phường, thị trấn"); absent in
   * reports published before.
   */
  twoTiers?: boolean;
  parts: PartFigures[];
  offices: PartFigures[];
  sectors: PartFigures[];
  officers: PartFigures[];
  /** The units with persons to activate and the lowest activation rates, the largest first among equals. */
  laggingUnits: UnitLine[];
  /** Units whose leadership had not been contacted on asOf: how many, and the largest of them. */
  notContacted: { count: number; persons: number; units: UnitLine[] };
  blockers: LabelledBlockerRow[];
  pace: Pace;
  /** What the figures cannot say, as the office wrote it; absent when it wrote nothing. */
  notes?: NoteSection[];
  /** The goal that applies to the area (its own or the nearest above it), with the forecast against it. */
  goal: { rate: number; deadline: IsoDate; forecast: Forecast } | null;
}

/** How many units each list of the report names. */
export const LAGGING_UNITS = 15;
export const NOT_CONTACTED_UNITS = 20;

const ZERO: CoverageFigures = {
  target: 0,
  registered: 0,
  approved: 0,
  activated: 0,
  formSigned: 0,
  verified: 0,
  activationRate: 0,
  units: 0,
  unitsContacted: 0,
};

/** The level an area is divided into in its map: 2025's province holds communes directly. */
async function partsLevelOf(db: Db, areaId: number): Promise<'DISTRICT' | 'COMMUNE' | null> {
  const [child] = await db.execute<{ level: 'DISTRICT' | 'COMMUNE' }>(
    sql`select level from areas where parent_id = ${areaId} order by level limit 1`,
  );
  return child?.level ?? null;
}

/**
 * Who issues the report: an office's report its office (the provincial office's is the province's);
 * a district's, and a commune's in a map with districts, the district's office; the rest the
 * provincial office.
 */
async function issuerOf(db: Db, request: ReportRequest): Promise<Issuer> {
  const { office, area } = request;
  if (office) {
    const [seat] = await db.execute<{ name: string; root: boolean }>(sql`
      select a.name, a.parent_id is null as root from offices o join areas a on a.id = o.area_id where o.id = ${office.id}`);
    return !seat || seat.root ? PROVINCIAL_ISSUER : officeIssuer(office, seat.name);
  }
  const [district] = await db.execute<{ code: string; name: string }>(sql`
    select a.code, a.name from area_closure c join areas a on a.id = c.ancestor_id
    where c.descendant_id = ${area.id} and a.level = 'DISTRICT' limit 1`);
  return district ? districtIssuer(district.code, district.name) : PROVINCIAL_ISSUER;
}

/** Reads the report's figures for a checked request, within the request's reach. */
export async function computeReportFigures(db: Db, request: ReportRequest): Promise<ReportFigures> {
  const { area, office, asOf, compare, reach } = request;
  // Both days are read in the geography of the report's area, so the comparison is of like with like.
  // An office's units lie in communes of one district or several: they are the parts of its report.
  const scope: Scope = office
    ? { reach, officeId: office.id, geographyId: area.geographyId }
    : { reach, areaId: area.id, geographyId: area.geographyId };
  const partsLevel = office ? 'COMMUNE' : await partsLevelOf(db, area.id);
  const twoTiers = !(await geographyHasLevel(db, area.geographyId, 'DISTRICT'));
  const both = async (by: Dimension) => {
    const [now, before] = await Promise.all([
      getBreakdown(db, { by, scope, asOf }),
      getBreakdown(db, { by, scope, asOf: compare }),
    ]);
    return pair(by, now, before);
  };
  const [totalNow, totalBefore, parts, offices, sectors, officers, units, blockers, pace, goals] =
    await Promise.all([
      getCoverage(db, { scope, asOf }),
      getCoverage(db, { scope, asOf: compare }),
      partsLevel ? both(partsLevel) : Promise.resolve([]),
      both('OFFICE'),
      both('SECTOR'),
      both('STAFF'),
      getBreakdown(db, { by: 'UNIT', scope, asOf }),
      getBlockers(db, { scope, asOf }),
      getPace(db, { scope, asOf }),
      getGoalsFor(db, [area.id]),
    ]);
  const goal = goals.get(area.id);
  const lines = units.map(unitLine);
  const notContacted = lines.filter((u) => !u.contacted).sort(largestFirst);
  return {
    version: 1,
    area: { code: area.code, name: area.name, level: area.level, geography: request.geography },
    ...(office ? { office: { code: office.code, name: office.name } } : {}),
    ...(request.notes.length > 0 ? { notes: request.notes } : {}),
    issuer: await issuerOf(db, request),
    asOf,
    compare,
    total: { now: totalNow, before: totalBefore },
    partsLevel,
    ...(twoTiers ? { twoTiers } : {}),
    parts,
    offices,
    sectors,
    officers,
    laggingUnits: lines
      .filter((u) => u.target > 0)
      .sort((a, b) => a.activationRate - b.activationRate || largestFirst(a, b))
      .slice(0, LAGGING_UNITS),
    notContacted: {
      count: notContacted.length,
      persons: notContacted.reduce((sum, u) => sum + u.target, 0),
      units: notContacted.slice(0, NOT_CONTACTED_UNITS),
    },
    blockers: labelBlockers(blockers),
    pace,
    goal: goal
      ? {
          rate: goal.rate,
          deadline: goal.deadline,
          forecast: await getForecast(db, { scope, asOf, targetRate: goal.rate, window: 28 }),
        }
      : null,
  };
}

function pair(by: Dimension, now: BreakdownRow[], before: BreakdownRow[]): PartFigures[] {
  const earlier = new Map(before.map((row) => [row.key, row.coverage]));
  return now.map((row) => ({
    key: row.key,
    label: breakdownLabel(by, row),
    now: row.coverage,
    before: earlier.get(row.key) ?? ZERO,
  }));
}

function unitLine(row: BreakdownRow): UnitLine {
  const c = row.coverage;
  return {
    code: row.key,
    name: breakdownLabel('UNIT', row),
    target: c.target,
    activated: c.activated,
    activationRate: c.activationRate,
    contacted: c.unitsContacted > 0,
  };
}

function largestFirst(a: UnitLine, b: UnitLine): number {
  return b.target - a.target || a.code.localeCompare(b.code);
}

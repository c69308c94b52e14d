import type { BlockerName, MilestoneName, Sector, StepName } from '../db/schema/index.ts';
import { dayNumber, isoDay, weekday } from './calendar.ts';
import {
  BRAND_WORDS,
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  FOREIGN_BRANDS,
  MALE_GIVEN,
  MALE_MIDDLE,
  STREETS,
  TRADES,
} from './names.ts';
import { Random } from './random.ts';
import { SCALES, type Scale } from './scales.ts';

/*
 * A deterministic, realistic rollout for demos, tests and benchmarks. What makes it realistic:
 * unit sizes are heavy-tailed by sector; the provincial office manages the large and state units;
 * contact dates follow a logistic S-curve whose pace differs by district, sector and officer; weekends
 * are quiet; a few units are never contacted; persons move through the five steps with delays and
 * drop-outs, and most of those who stop have a reason; some exports lack an earlier step's row.
 */

export interface AreaNode {
  id: number;
  code: string;
  name: string;
  children: AreaNode[];
}

export interface DataSet {
  offices: { id: number; code: string; name: string; areaId: number }[];
  staff: { id: number; code: string; fullName: string; officeId: number; email: string; phone: string }[];
  units: {
    id: number;
    code: string;
    name: string;
    taxCode: string;
    address: string;
    areaId: number;
    officeId: number;
    sector: Sector;
  }[];
  assignments: { unitId: number; staffId: number; fromDate: string }[];
  persons: {
    id: number;
    socialInsuranceCode: string;
    fullName: string;
    birthDate: string;
    gender: 'M' | 'F';
    idNumber: string;
    phone: string;
    unitId: number;
  }[];
  steps: { personId: number; step: StepName; date: string }[];
  blockers: { personId: number; reason: BlockerName; recordedOn: string }[];
  milestones: { unitId: number; milestone: MilestoneName; date: string; staffId: number | null }[];
  trainings: {
    id: number;
    officeId: number;
    heldOn: string;
    title: string;
    location: string;
    unitIds: number[];
  }[];
}

/** District profiles of Khánh Hòa (2021 codes): share of units and pace of the rollout. */
/** Share of units, pace of outreach, propensity to adopt, and size of units (industry vs mountains). */
interface DistrictProfile {
  share: number;
  pace: number;
  adoption: number;
  size: number;
  /** Only state agencies and public service units (the island district). */
  stateOnly?: boolean;
}

const DISTRICT_PROFILES: Record<string, DistrictProfile> = {
  '568': { share: 40, pace: 1.2, adoption: 1.0, size: 1.2 }, // Nha Trang: the city, most units, fastest
  '569': { share: 12, pace: 1.0, adoption: 0.95, size: 1.3 }, // Cam Ranh
  '570': { share: 7, pace: 0.85, adoption: 0.88, size: 0.9 }, // Cam Lâm
  '571': { share: 7, pace: 0.8, adoption: 0.9, size: 0.9 }, // Vạn Ninh
  '572': { share: 12, pace: 0.95, adoption: 0.93, size: 1.1 }, // Ninh Hòa
  '573': { share: 3, pace: 0.6, adoption: 0.78, size: 0.5 }, // Khánh Vĩnh: mountains, fewer smartphones, slow
  '574': { share: 10, pace: 1.05, adoption: 0.96, size: 0.9 }, // Diên Khánh
  '575': { share: 2.5, pace: 0.55, adoption: 0.72, size: 0.45 }, // Khánh Sơn: mountains, the slowest
  '576': { share: 0.06, pace: 0.75, adoption: 0.97, size: 0.8, stateOnly: true }, // Trường Sa: a handful of units on the islands
};

const SECTOR_MIX: [Sector, number][] = [
  ['NQD', 62],
  ['HCSN', 22],
  ['KHAC', 6],
  ['HTX', 5],
  ['DNNN', 3],
  ['FDI', 2],
];

/** Median size (insured employees), spread of the log-normal, propensity to adopt, pace. */
const SECTOR_PROFILES: Record<Sector, { median: number; sigma: number; adoption: number; pace: number }> = {
  HCSN: { median: 25, sigma: 0.9, adoption: 0.94, pace: 1.25 },
  DNNN: { median: 80, sigma: 1.0, adoption: 0.9, pace: 1.1 },
  FDI: { median: 220, sigma: 1.1, adoption: 0.86, pace: 1.0 },
  NQD: { median: 9, sigma: 1.0, adoption: 0.74, pace: 0.9 },
  HTX: { median: 8, sigma: 0.6, adoption: 0.62, pace: 0.75 },
  KHAC: { median: 5, sigma: 0.7, adoption: 0.58, pace: 0.7 },
};

const ROLLOUT_START = dayNumber('2021-04-05'); // after Kế hoạch 818/KH-BHXH of 31/3/2021
const DATA_END = dayNumber('2022-06-30'); // the last day the demo data has events for

const BLOCKERS: [BlockerName, number][] = [
  ['NO_SMARTPHONE', 28],
  ['DATA_MISMATCH', 20],
  ['WRONG_PHONE', 15],
  ['NO_ID_DOCUMENT', 10],
  ['LEFT_UNIT', 10],
  ['DECLINED', 11],
  ['OTHER', 6],
];

export function generateDataSet(province: AreaNode, scale: Scale, seed: number): DataSet {
  const config = SCALES[scale];
  const random = new Random(seed);
  const data: DataSet = {
    offices: [],
    staff: [],
    units: [],
    assignments: [],
    persons: [],
    steps: [],
    blockers: [],
    milestones: [],
    trainings: [],
  };
  const districts = province.children;
  const profile = (d: AreaNode) =>
    DISTRICT_PROFILES[d.code] ?? { share: 5, pace: 0.9, adoption: 0.9, size: 1 };

  // Offices: the provincial office and one per district with more than a handful of units.
  const provincialOffice = {
    id: 1,
    code: `BHXH-${province.code}`,
    name: `BHXH ${lowerType(province.name)}`,
    areaId: province.id,
  };
  data.offices.push(provincialOffice);
  const districtOffice = new Map<number, number>();
  for (const d of districts) {
    if (profile(d).share < 1) continue; // Trường Sa's units are managed by the provincial office
    const office = {
      id: data.offices.length + 1,
      code: `BHXH-${d.code}`,
      name: `BHXH ${lowerType(d.name)}`,
      areaId: d.id,
    };
    data.offices.push(office);
    districtOffice.set(d.id, office.id);
  }

  // Units: placed in districts by share, sized by sector, then scaled so the total is the target.
  const shares = districts.map((d) => [d, profile(d).share] as const);
  const sizes: number[] = [];
  const unitPace: number[] = [];
  const unitAdoption: number[] = [];
  for (let i = 0; i < config.units; i++) {
    const district = i < districts.length ? (districts[i] as AreaNode) : random.weighted(shares);
    const commune = district.children.length ? random.pick(district.children) : district;
    const sector: Sector = profile(district).stateOnly ? 'HCSN' : random.weighted(SECTOR_MIX);
    const sp = SECTOR_PROFILES[sector];
    const size = Math.max(1, profile(district).size * sp.median * Math.exp(random.normal(0, sp.sigma)));
    const managedByProvince =
      sector === 'DNNN' || sector === 'FDI' || size >= 150 || (sector === 'HCSN' && random.chance(0.35));
    const officeId =
      managedByProvince || !districtOffice.has(district.id)
        ? provincialOffice.id
        : (districtOffice.get(district.id) as number);
    const id = i + 1;
    data.units.push({
      id,
      code: `${officePrefix(officeId)}${String(id).padStart(4, '0')}${random.pick(['A', 'B', 'C', 'D', 'E', 'K', 'M', 'Z'])}`,
      name: unitName(random, sector, commune, district),
      taxCode: `42${random.digits(8)}`,
      address: address(random, commune, district, district.code === '568'),
      areaId: commune.id,
      officeId,
      sector,
    });
    sizes.push(size);
    unitPace.push(profile(district).pace * sp.pace * Math.exp(random.normal(0, 0.15)));
    unitAdoption.push(profile(district).adoption * sp.adoption * Math.exp(random.normal(0, 0.06)));
  }
  const factor = config.persons / sizes.reduce((a, b) => a + b, 0);
  const unitSizes = sizes.map((s) => Math.max(1, Math.round(s * factor)));

  // Officers: about a third at the provincial office, the rest by the units each office manages.
  const unitsPerOffice = new Map<number, number>();
  for (const u of data.units) unitsPerOffice.set(u.officeId, (unitsPerOffice.get(u.officeId) ?? 0) + 1);
  const staffByOffice = new Map<number, number[]>();
  const officerPace = new Map<number, number>();
  for (const office of data.offices) {
    const managed = unitsPerOffice.get(office.id) ?? 0;
    const count = Math.max(2, Math.round((config.staff * managed) / config.units));
    const ids: number[] = [];
    for (let k = 0; k < count; k++) {
      const id = data.staff.length + 1;
      const female = random.chance(0.55);
      const fullName = personName(random, female);
      data.staff.push({
        id,
        code: `CB${String(id).padStart(4, '0')}`,
        fullName,
        officeId: office.id,
        email: `${slug(fullName)}.${id}@bhxh-khanhhoa.example`,
        phone: mobile(random),
      });
      ids.push(id);
      officerPace.set(id, Math.exp(random.normal(0, 0.25)));
    }
    staffByOffice.set(office.id, ids);
  }

  // Assignments: most units get an officer at the start; some are reassigned mid-rollout; a few never.
  const officerOn = new Map<number, { staffId: number; from: number }[]>();
  for (const u of data.units) {
    if (random.chance(0.025)) continue;
    const pool = staffByOffice.get(u.officeId) as number[];
    const first = random.pick(pool);
    const history = [{ staffId: first, from: ROLLOUT_START - random.int(3, 10) }];
    if (random.chance(0.09) && pool.length > 1) {
      let next = random.pick(pool);
      while (next === first) next = random.pick(pool);
      history.push({ staffId: next, from: ROLLOUT_START + random.int(45, 180) });
    }
    officerOn.set(u.id, history);
    for (const h of history)
      data.assignments.push({ unitId: u.id, staffId: h.staffId, fromDate: isoDay(h.from) });
  }
  const officerAt = (unitId: number, day: number): number | null => {
    let found: number | null = null;
    for (const h of officerOn.get(unitId) ?? []) if (h.from <= day) found = h.staffId;
    return found;
  };

  // Training sessions: every two to three weeks at the provincial office, a few at each district office.
  const trainingOf = new Map<number, number>();
  for (const office of data.offices) {
    const sessions =
      office.id === provincialOffice.id
        ? Math.max(2, Math.round(config.units / 700))
        : Math.max(1, Math.round((unitsPerOffice.get(office.id) ?? 0) / 250));
    // Sessions are held in town: units from the far mountain districts rarely make the trip.
    const managed = data.units.filter((u) => u.officeId === office.id);
    const nearby = managed.filter((u) => (unitPace[u.id - 1] as number) >= 0.6);
    const candidates = nearby.length > 0 ? nearby : managed;
    for (let k = 0; k < sessions; k++) {
      const heldOn = workday(random, ROLLOUT_START + 10 + k * random.int(14, 21), true);
      const attendees = new Set<number>();
      const count = Math.min(candidates.length, random.int(15, 45));
      for (let j = 0; j < count; j++) attendees.add(random.pick(candidates).id);
      const id = data.trainings.length + 1;
      data.trainings.push({
        id,
        officeId: office.id,
        heldOn: isoDay(heldOn),
        title: `Tập huấn cài đặt, sử dụng VssID – đợt ${k + 1}`,
        location: `Hội trường ${office.name}`,
        unitIds: [...attendees],
      });
      for (const unitId of attendees) if (!trainingOf.has(unitId)) trainingOf.set(unitId, heldOn);
    }
  }

  // Outreach and persons, unit by unit.
  let siSequence = 0;
  for (const u of data.units) {
    const assigned = officerOn.get(u.id)?.[0];
    const pace =
      (unitPace[u.id - 1] as number) * (assigned ? (officerPace.get(assigned.staffId) as number) : 0.7);
    const neverContacted = random.chance(Math.min(0.25, 0.02 / (pace * pace)));
    const milestone = (name: MilestoneName, day: number) => {
      if (day <= DATA_END)
        data.milestones.push({
          unitId: u.id,
          milestone: name,
          date: isoDay(day),
          staffId: officerAt(u.id, day),
        });
      return day <= DATA_END ? day : null;
    };
    let guidedOn: number | null = null;
    if (!neverContacted) {
      const contacted = milestone(
        'LEADERSHIP_CONTACTED',
        workday(random, ROLLOUT_START + Math.max(0, Math.round(random.logistic(50 / pace, 14)))),
      );
      const guide =
        contacted !== null && random.chance(0.96)
          ? milestone('GUIDE_SENT', workday(random, contacted + random.int(0, 4)))
          : null;
      const rep =
        guide !== null && random.chance(0.9)
          ? milestone('REPRESENTATIVE_GUIDED', workday(random, guide + random.int(2, 14)))
          : null;
      const all =
        rep !== null && random.chance(0.86)
          ? milestone('EMPLOYEES_GUIDED', workday(random, rep + random.int(3, 21)))
          : null;
      guidedOn = all ?? rep;
    }
    const trained = trainingOf.get(u.id);
    if (trained !== undefined) {
      data.milestones.push({
        unitId: u.id,
        milestone: 'TRAINING_ATTENDED',
        date: isoDay(trained),
        staffId: null,
      });
      guidedOn = guidedOn === null ? trained : Math.min(guidedOn, trained + 7);
    }

    const adoption = Math.min(
      0.995,
      SECTOR_PROFILES[u.sector].adoption * (0.85 + 0.15 * Math.min(pace, 1.3)),
    );
    const size = unitSizes[u.id - 1] as number;
    for (let k = 0; k < size; k++) {
      const female = random.chance(0.52);
      const birthYear = random.int(1962, 2003);
      const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const personId = data.persons.length + 1;
      siSequence += 1;
      data.persons.push({
        id: personId,
        // A bijection of the sequence (7919 is prime to 10^8), so codes are unique but not in order.
        socialInsuranceCode: `${province.code.slice(0, 2)}${String((siSequence * 7919 + 1234567) % 100_000_000).padStart(8, '0')}`,
        fullName: personName(random, female),
        birthDate,
        gender: female ? 'F' : 'M',
        idNumber: random.chance(0.72)
          ? `056${(birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(birthYear % 100).padStart(2, '0')}${random.digits(6)}`
          : `225${random.digits(6)}`,
        phone: mobile(random),
        unitId: u.id,
      });

      // Persons of units never guided still find VssID on their own, rarely.
      const start = guidedOn ?? (random.chance(0.08) ? ROLLOUT_START + random.int(20, 300) : null);
      const willing = guidedOn !== null ? random.chance(adoption) : start !== null;
      let reached: number | null = null;
      if (start !== null && willing) {
        const registered = workday(random, start + Math.round(random.exponential(9 / Math.min(pace, 1.5))));
        const approved = random.chance(0.97) ? workday(random, registered + random.int(0, 4), true) : null;
        const activated =
          approved !== null && random.chance(0.95) ? approved + Math.round(random.exponential(3)) : null;
        const signed =
          activated !== null && random.chance(0.82)
            ? workday(random, activated + Math.round(random.exponential(12)))
            : null;
        const verified =
          signed !== null && random.chance(0.9)
            ? workday(random, signed + Math.round(random.exponential(7)), true)
            : null;
        // Exports from different systems disagree: some activated persons have no REGISTERED row.
        const skipRegistered = activated !== null && random.chance(0.02);
        const steps: [StepName, number | null][] = [
          ['REGISTERED', skipRegistered ? null : registered],
          ['APPROVED', approved],
          ['ACTIVATED', activated],
          ['FORM_SIGNED', signed],
          ['VERIFIED', verified],
        ];
        for (const [step, day] of steps) {
          if (day !== null && day <= DATA_END) data.steps.push({ personId, step, date: isoDay(day) });
        }
        reached = activated !== null && activated <= DATA_END ? activated : null;
      }
      if (reached === null && random.chance(0.6)) {
        const poorAccess = u.sector === 'HTX' || u.sector === 'KHAC' || pace < 0.7;
        const reason = poorAccess && random.chance(0.3) ? 'NO_SMARTPHONE' : random.weighted(BLOCKERS);
        const recorded = Math.min(
          DATA_END,
          workday(random, (guidedOn ?? ROLLOUT_START + 60) + random.int(7, 60)),
        );
        data.blockers.push({ personId, reason, recordedOn: isoDay(recorded) });
      }
    }
  }
  return data;
}

/** Moves most events that fall on a weekend to the next Monday: offices are quiet on Saturday and Sunday. */
function workday(random: Random, day: number, officeOnly = false): number {
  const wd = weekday(day);
  if (wd === 6 && (officeOnly || random.chance(0.7))) return day + 2;
  if (wd === 0 && (officeOnly || random.chance(0.85))) return day + 1;
  return day;
}

function personName(random: Random, female: boolean): string {
  const family = random.weighted(FAMILY_NAMES);
  const middle = random.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = random.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

function mobile(random: Random): string {
  return `${random.pick(['090', '091', '093', '094', '096', '097', '098', '032', '035', '038', '070', '077', '079', '083', '085'])}${random.digits(7)}`;
}

/** "Thành phố Nha Trang" → "thành phố Nha Trang", as in "BHXH thành phố Nha Trang". */
function lowerType(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố|Thị xã|Huyện)\b/u, (t) => t.toLowerCase());
}

function shortName(area: AreaNode): string {
  return area.name.replace(/^(Tỉnh|Thành phố|Thị xã|Huyện|Thị trấn|Phường|Xã)\s+/u, '');
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function officePrefix(officeId: number): string {
  return `T${'ABCDEFGHKLMN'[(officeId - 1) % 12]}`;
}

function address(random: Random, commune: AreaNode, district: AreaNode, city: boolean): string {
  const street =
    city || random.chance(0.4)
      ? `${random.int(1, 350)} ${random.pick(STREETS)}`
      : `Thôn ${random.pick(['Phú Lộc', 'Tân Xương', 'Đông', 'Tây', 'Trung', 'Nam', 'Bắc', 'Vĩnh Châu', 'Hòa Sơn', 'Phước Lợi'])}`;
  return commune === district
    ? `${street}, ${district.name}`
    : `${street}, ${commune.name}, ${district.name}`;
}

function unitName(random: Random, sector: Sector, commune: AreaNode, district: AreaNode): string {
  const place = shortName(commune);
  switch (sector) {
    case 'HCSN':
      return random.pick([
        `Trường Tiểu học ${place}`,
        `Trường THCS ${random.pick(['Lý Thường Kiệt', 'Trần Hưng Đạo', 'Nguyễn Du', 'Lê Quý Đôn', 'Chu Văn An'])}`,
        `Trường Mầm non ${random.pick(['Hoa Sen', 'Sơn Ca', 'Họa Mi', 'Vành Khuyên', 'Tuổi Thơ'])} ${place}`,
        `UBND ${commune === district ? district.name : commune.name}`,
        `Trạm Y tế ${commune.name}`,
        `Trung tâm Y tế ${district.name}`,
        `Phòng Giáo dục và Đào tạo ${district.name}`,
        `Trường THPT ${random.pick(['Nguyễn Văn Trỗi', 'Hoàng Hoa Thám', 'Phan Bội Châu', 'Trần Cao Vân'])}`,
      ]);
    case 'DNNN':
      return `Công ty TNHH MTV ${random.pick(['Thủy lợi', 'Môi trường Đô thị', 'Xổ số Kiến thiết', 'Cấp thoát nước', 'Lâm nghiệp', 'Dịch vụ Công ích'])} ${place}`;
    case 'FDI':
      return `Công ty TNHH ${random.pick(FOREIGN_BRANDS)} ${random.pick(['Việt Nam', 'Vina', 'Khánh Hòa'])}`;
    case 'NQD':
      return random.weighted([
        [`Công ty TNHH ${random.pick(TRADES)} ${random.pick(BRAND_WORDS)}`, 5],
        [`Công ty Cổ phần ${random.pick(TRADES)} ${random.pick(BRAND_WORDS)}`, 3],
        [`Doanh nghiệp tư nhân ${random.pick(BRAND_WORDS)}`, 1],
      ] as const);
    case 'HTX':
      return `Hợp tác xã ${random.pick(['Nông nghiệp', 'Thủy sản', 'Dịch vụ Nông nghiệp', 'Vận tải', 'Muối'])} ${place}`;
    default:
      return random.pick([
        `Hội Nông dân ${commune.name}`,
        `Hội Chữ thập đỏ ${district.name}`,
        `Văn phòng Luật sư ${random.pick(BRAND_WORDS)}`,
        `Hộ kinh doanh ${personName(random, random.chance(0.5))}`,
        `Văn phòng Công chứng ${random.pick(BRAND_WORDS)}`,
      ]);
  }
}

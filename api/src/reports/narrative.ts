import { daysBetween } from '../lib/dates.ts';
import type { PartFigures, ReportFigures } from './figures.ts';
import {
  formatChange,
  formatDate,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatPointChange,
} from './format.ts';
import { inSentence } from './issuer.ts';
import { partNames } from './tables.ts';

/** The report's title, the same in every format. */
export const REPORT_TITLE = 'Báo cáo tiến độ triển khai ứng dụng VssID – Bảo hiểm xã hội số';

/**
 * What the report counts, as its sentences and title say it: "trên địa bàn tỉnh Khánh Hòa", "trên
 * địa bàn Thành phố Nha Trang", or an office's "tại các đơn vị do BHXH Thành phố Nha Trang quản lý".
 */
export function reportSubject(figures: ReportFigures): string {
  // Mid-sentence a unit's type word is in lower case (Nghị định 30, Phụ lục II): "thành phố Nha Trang".
  if (figures.office) return `tại các đơn vị do ${officeInSentence(figures.office.name)} quản lý`;
  return `trên địa bàn ${inSentence(figures.area.name)}`;
}

/** "BHXH Thành phố Nha Trang" → "BHXH thành phố Nha Trang". */
function officeInSentence(name: string): string {
  const match = /^(BHXH|Bảo hiểm xã hội) (.+)$/i.exec(name);
  return match ? `${match[1]} ${inSentence(match[2] as string)}` : name;
}

/** The report's subject as a name, for titles, file names and totals rows: the office's or the area's. */
export function subjectName(figures: ReportFigures): string {
  return figures.office?.name ?? figures.area.name;
}

const rate = (part: number, whole: number) => formatPercent(whole === 0 ? 0 : part / whole);

/** How many parts the narrative names as ahead and behind. */
const NAMED_PARTS = 3;

/**
 * Parts with fewer insured persons than this are not ranked: a rate over a handful of persons (Huyện
 * Trường Sa's 7) says nothing of the work done there. The sentence names them.
 */
export const MIN_RANKED_PERSONS = 50;

/** How many reasons the narrative names before it sums the rest as "các lý do khác". */
const NAMED_REASONS = 4;

/**
 * The paragraphs that open the report, written from the figures: the headline rates, the change since
 * the comparison day, the parts ahead and behind, the forecast against the goal, why persons are
 * stuck, and the units not yet contacted. Every number in them is one of the tables'.
 */
export function reportNarrative(figures: ReportFigures): string[] {
  const { now, before } = figures.total;
  const asOf = formatDate(figures.asOf);
  const compare = formatDate(figures.compare);
  const paragraphs = [
    `Tính đến ngày ${asOf}, ${reportSubject(figures)} có ${formatInteger(now.target)} người tham gia BHXH tại ` +
      `${formatInteger(now.units)} đơn vị sử dụng lao động. Đã có ${formatInteger(now.registered)} người ` +
      `đăng ký giao dịch điện tử (${rate(now.registered, now.target)}), ${formatInteger(now.approved)} người ` +
      `được phê duyệt (${rate(now.approved, now.target)}) và ${formatInteger(now.activated)} người đã cài đặt, ` +
      `đăng nhập thành công ứng dụng VssID, đạt tỷ lệ ${formatPercent(now.activationRate)}; ` +
      `${formatInteger(now.formSigned)} người đã ký Tờ khai Mẫu 01 (${rate(now.formSigned, now.target)}), ` +
      `${formatInteger(now.verified)} hồ sơ đã được xác thực, lưu trữ (${rate(now.verified, now.target)}). ` +
      `Cơ quan BHXH đã liên hệ với lãnh đạo ${formatInteger(now.unitsContacted)}/${formatInteger(now.units)} ` +
      `đơn vị (${rate(now.unitsContacted, now.units)}).`,
    `So với ngày ${compare}, số người kích hoạt ${changeWords(now.activated - before.activated)}, ` +
      `tỷ lệ kích hoạt ${rateChangeWords(before.activationRate, now.activationRate)}; ` +
      `số người đăng ký ${changeWords(now.registered - before.registered)}; ` +
      `số đơn vị được liên hệ ${changeWords(now.unitsContacted - before.unitsContacted, 'đơn vị')}.`,
  ];
  const ranking = partsRanking(figures);
  if (ranking) paragraphs.push(ranking);
  paragraphs.push(forecastParagraph(figures));
  const stuck = now.target - now.activated;
  if (stuck > 0) paragraphs.push(reasonsParagraph(figures, stuck));
  if (figures.notContacted.count > 0) {
    paragraphs.push(
      `Còn ${formatInteger(figures.notContacted.count)} đơn vị với ${formatInteger(figures.notContacted.persons)} ` +
        `người tham gia chưa được liên hệ; đề nghị các bộ phận khẩn trương liên hệ, hướng dẫn trong thời gian tới.`,
    );
  }
  return paragraphs;
}

function changeWords(delta: number, unit = 'người'): string {
  if (delta === 0) return 'không thay đổi';
  return `${delta > 0 ? 'tăng' : 'giảm'} ${formatInteger(Math.abs(delta))} ${unit}`;
}

/**
 * A rate's change in words that follow its sign: "tăng 15,2 điểm phần trăm (từ 48,2 % lên 63,5 %)",
 * "giảm … (từ … xuống …)", "không đổi (63,5 %)".
 */
function rateChangeWords(before: number, now: number): string {
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return `không đổi (${formatPercent(now)})`;
  const size = `${formatPointChange(Math.abs(now - before)).replace(/^\+/, '')} điểm phần trăm`;
  return points > 0
    ? `tăng ${size} (từ ${formatPercent(before)} lên ${formatPercent(now)})`
    : `giảm ${size} (từ ${formatPercent(before)} xuống ${formatPercent(now)})`;
}

/**
 * The reasons persons are stuck, adding up to all of them: the largest few by name, the rest as "các
 * lý do khác", and those with no reason recorded.
 */
function reasonsParagraph(figures: ReportFigures, stuck: number): string {
  const reasons = figures.blockers
    .filter((b) => b.reason !== 'UNKNOWN' && b.persons > 0)
    .sort((a, b) => b.persons - a.persons);
  const unknown = figures.blockers.find((b) => b.reason === 'UNKNOWN')?.persons ?? 0;
  const share = (persons: number) => formatPercent(persons / stuck);
  const named = reasons
    .slice(0, NAMED_REASONS)
    .map((b) => `${lowerFirst(b.label)} ${formatInteger(b.persons)} người (${share(b.persons)})`);
  const rest = reasons.slice(NAMED_REASONS).reduce((sum, b) => sum + b.persons, 0);
  if (rest > 0) named.push(`các lý do khác ${formatInteger(rest)} người (${share(rest)})`);
  return (
    `Trong số ${formatInteger(stuck)} người chưa kích hoạt, ` +
    (named.length > 0 ? `lý do đã ghi nhận: ${named.join('; ')}; ` : '') +
    `${formatInteger(unknown)} người (${share(unknown)}) chưa ghi nhận lý do.`
  );
}

function partsRanking(figures: ReportFigures): string | null {
  const kind = partNames(figures)?.title ?? 'xã, phường, thị trấn';
  const parts = figures.parts.filter((p) => p.key !== 'none' && p.now.target > 0);
  const small = parts.filter((p) => p.now.target < MIN_RANKED_PERSONS);
  const ranked = parts
    .filter((p) => p.now.target >= MIN_RANKED_PERSONS)
    .sort((a, b) => b.now.activationRate - a.now.activationRate || a.key.localeCompare(b.key));
  if (ranked.length < 2) return null;
  const named = Math.min(NAMED_PARTS, Math.floor(ranked.length / 2));
  const list = (parts: PartFigures[]) =>
    parts
      .map((p) => {
        const added = p.now.activated - p.before.activated;
        const change = added === 0 ? 'không tăng' : `${formatChange(added)} người`;
        return `${inSentence(p.label)} (${formatPercent(p.now.activationRate)}, ${change})`;
      })
      .join(', ');
  const unranked =
    small.length === 0
      ? ''
      : ` Không xếp hạng ${small.length === 1 ? '' : `${small.length} `}${kind.split(',')[0]} có dưới ` +
        `${MIN_RANKED_PERSONS} người tham gia: ${small.map((p) => inSentence(p.label)).join(', ')}.`;
  return (
    `Các ${kind} có tỷ lệ kích hoạt cao nhất: ${list(ranked.slice(0, named))}; ` +
    `thấp nhất: ${list(ranked.slice(-named).reverse())}.${unranked}`
  );
}

function forecastParagraph(figures: ReportFigures): string {
  const pace =
    `Tốc độ bình quân 28 ngày qua là ${formatDecimal(figures.pace.perDayLast28)} người/ngày ` +
    `(7 ngày qua: ${formatDecimal(figures.pace.perDayLast7)} người/ngày).`;
  if (!figures.goal) return `Chưa đặt chỉ tiêu cho địa bàn. ${pace}`;
  const { rate: goalRate, deadline, forecast } = figures.goal;
  const goal = `Chỉ tiêu: ${formatPercent(goalRate)} người tham gia kích hoạt VssID trước ngày ${formatDate(deadline)}.`;
  if (forecast.activationsNeeded === 0) return `${goal} Địa bàn đã đạt chỉ tiêu. ${pace}`;
  const daysLeft = daysBetween(figures.asOf, deadline);
  const needed =
    daysLeft > 0
      ? `Còn cần thêm ${formatInteger(forecast.activationsNeeded)} người kích hoạt trong ${formatInteger(daysLeft)} ngày, ` +
        `bình quân ${formatDecimal(forecast.activationsNeeded / daysLeft)} người/ngày.`
      : `Thời hạn đã qua; còn thiếu ${formatInteger(forecast.activationsNeeded)} người kích hoạt.`;
  let outlook: string;
  if (forecast.date === null)
    outlook = 'Với tốc độ hiện nay, địa bàn sẽ không đạt chỉ tiêu nếu không đẩy nhanh tiến độ.';
  else {
    const late = daysBetween(deadline, forecast.date);
    outlook =
      `Với tốc độ này, dự kiến đạt chỉ tiêu vào ngày ${formatDate(forecast.date)}, ` +
      (late > 0
        ? `chậm ${formatInteger(late)} ngày so với thời hạn.`
        : late < 0
          ? `sớm ${formatInteger(-late)} ngày so với thời hạn.`
          : 'đúng thời hạn.');
  }
  return `${goal} ${needed} ${pace} ${outlook}`;
}

/** "Không có CMND/CCCD" → "không có CMND/CCCD": inside a sentence, keeping the acronyms. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

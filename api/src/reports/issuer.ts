/*
 * Who issues a report, as the document's header, date line, signature and "Nơi nhận" say it
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I and II): the provincial office for the province (and for a
 * commune of a map without districts), a district's office for that district and its communes, an
 * office for its own units. Each issuer numbers its reports in its own series.
 */

/** The issuing agency and what follows from it. */
export interface Issuer {
  /** The agency above it, the header's first line ("BẢO HIỂM XÃ HỘI VIỆT NAM"). */
  parent: string;
  /** The issuing agency in capitals, the header's second line ("BẢO HIỂM XÃ HỘI THÀNH PHỐ NHA TRANG"). */
  name: string;
  /** The same mid-sentence, its type word in lower case ("Bảo hiểm xã hội thành phố Nha Trang"). */
  inSentence: string;
  /** The place of the date line: the administrative unit it sits in, without its type ("Nha Trang"). */
  place: string;
  signerTitle: string;
  recipients: string[];
  /** The series its numbers count in: "province", or the district's area code, or "office:<code>". */
  series: string;
}

/** Characters of the header's agency line that fit its 82 mm in 12 pt capitals. */
const HEADER_LINE = 32;

/**
 * The agency's name as the header prints it: one line when it fits, else broken after "BẢO HIỂM XÃ
 * HỘI" so that the unit's name stays whole ("BẢO HIỂM XÃ HỘI" / "THÀNH PHỐ NHA TRANG"), never in the
 * middle of it.
 */
export function headerLines(name: string): string[] {
  const words = AGENCY_WORDS.toLocaleUpperCase('vi');
  if (name.length <= HEADER_LINE || !name.startsWith(`${words} `)) return [name];
  return [words, name.slice(words.length + 1)];
}

/** The province whose office the project is: Khánh Hòa. */
export const PROVINCE_NAME = 'Tỉnh Khánh Hòa';

const AGENCY_WORDS = 'Bảo hiểm xã hội';

/** Type words of administrative units, longest first so that "Thành phố" is not read as "Thành". */
const TYPES = ['Thành phố', 'Thị trấn', 'Đặc khu', 'Thị xã', 'Huyện', 'Quận', 'Tỉnh', 'Phường', 'Xã'];

/** "Thành phố Nha Trang" → ["Thành phố", "Nha Trang"]; a name without a type word has none. */
export function splitType(name: string): [type: string | null, proper: string] {
  const type = TYPES.find((t) => name.startsWith(`${t} `));
  return type ? [type, name.slice(type.length + 1)] : [null, name];
}

/** "Thành phố Nha Trang" → "thành phố Nha Trang": the type word mid-sentence (Phụ lục II, Nghị định 30). */
export function inSentence(name: string): string {
  const [type, proper] = splitType(name);
  return type ? `${type.toLocaleLowerCase('vi')} ${proper}` : name;
}

/** The Party committee of a district-level unit: Huyện ủy, Thị ủy, Thành ủy, Quận ủy. */
function committeeOf(type: string | null, proper: string): string {
  const word = { Huyện: 'Huyện ủy', 'Thị xã': 'Thị ủy', 'Thành phố': 'Thành ủy', Quận: 'Quận ủy' }[
    type ?? ''
  ];
  return word ? `${word} ${proper}` : `Cấp ủy ${proper}`;
}

const PROVINCE = inSentence(PROVINCE_NAME);

/** The provincial office: BHXH tỉnh Khánh Hòa, reporting to the Tỉnh ủy, UBND tỉnh and BHXH Việt Nam. */
export const PROVINCIAL_ISSUER: Issuer = {
  parent: 'BẢO HIỂM XÃ HỘI VIỆT NAM',
  name: `${AGENCY_WORDS} ${PROVINCE}`.toLocaleUpperCase('vi'),
  inSentence: `${AGENCY_WORDS} ${PROVINCE}`,
  place: splitType(PROVINCE_NAME)[1],
  signerTitle: 'GIÁM ĐỐC',
  recipients: [
    `Tỉnh ủy ${splitType(PROVINCE_NAME)[1]} (để báo cáo);`,
    `UBND ${PROVINCE} (để báo cáo);`,
    'BHXH Việt Nam (để báo cáo);',
    'Giám đốc, các Phó Giám đốc;',
    'BHXH các huyện, thị xã, thành phố;',
    'Lưu: VT, QLT.',
  ],
  series: 'province',
};

/**
 * A district's office (named after its district, "Thành phố Nha Trang"), reporting to the district's
 * Party committee and People's Committee and to the provincial office.
 */
export function districtIssuer(districtCode: string, districtName: string): Issuer {
  const [type, proper] = splitType(districtName);
  return {
    parent: PROVINCIAL_ISSUER.name,
    name: `${AGENCY_WORDS} ${inSentence(districtName)}`.toLocaleUpperCase('vi'),
    inSentence: `${AGENCY_WORDS} ${inSentence(districtName)}`,
    place: proper,
    signerTitle: 'GIÁM ĐỐC',
    recipients: [
      `${committeeOf(type, proper)} (để báo cáo);`,
      `UBND ${inSentence(districtName)} (để báo cáo);`,
      `BHXH ${PROVINCE} (để báo cáo);`,
      'Lưu: VT.',
    ],
    series: districtCode,
  };
}

/**
 * An office (a BHXH cơ sở) for its own units: its name as recorded ("BHXH Thành phố Nha Trang"), the
 * place of the area it sits in, reporting to the provincial office.
 */
export function officeIssuer(office: { code: string; name: string }, placeName: string): Issuer {
  // "BHXH Thành phố Nha Trang" is written out, its type word in lower case; another name is kept.
  const rest = office.name.replace(/^(BHXH|Bảo hiểm xã hội) /i, '');
  const sentence = rest === office.name ? office.name : `${AGENCY_WORDS} ${inSentence(rest)}`;
  return {
    parent: PROVINCIAL_ISSUER.name,
    name: sentence.toLocaleUpperCase('vi'),
    inSentence: sentence,
    place: splitType(placeName)[1],
    signerTitle: 'GIÁM ĐỐC',
    recipients: [`BHXH ${PROVINCE} (để báo cáo);`, 'Lưu: VT.'],
    series: `office:${office.code}`,
  };
}

import { type Fixture, SMALL_AREAS } from './fixtures.ts';

/*
 * Seven persons in three units, every figure below worked out by hand:
 *   unit UA (commune 90101, NQD): p1 R 05-03 A 05-05 Act 05-10 F 06-01 V 06-10; p2 R 05-04 A 05-20;
 *                                 p3 Act 05-15 only (no REGISTERED row); p4 nothing. Contacted 04-20.
 *   unit UB (commune 90102, HCSN): p5 R 06-01 Act 06-02; p6 VERIFIED 07-01 only. Contacted 05-25.
 *   unit UC (commune 90201, FDI, other office): p7 R 05-01. Never contacted.
 * Officer S1 has UA from 04-01, S2 takes it over from 06-01; UB and UC have no officer.
 * Stuck reasons: p3 DECLINED from 05-01 (until p3 activates on 05-15), p2 WRONG_PHONE from 05-25,
 * p4 NO_SMARTPHONE from 06-01, p7 DATA_MISMATCH from 07-01.
 */
export const HAND_MADE: Fixture = {
  areas: SMALL_AREAS,
  offices: [
    { code: 'BHXH-90', areaCode: '90' },
    { code: 'BHXH-902', areaCode: '902' },
  ],
  staff: [
    { code: 'S1', officeCode: 'BHXH-90' },
    { code: 'S2', officeCode: 'BHXH-90' },
  ],
  units: [
    {
      code: 'UA',
      areaCode: '90101',
      officeCode: 'BHXH-90',
      sector: 'NQD',
      contactedOn: '2021-04-20',
      assignments: [
        ['S1', '2021-04-01'],
        ['S2', '2021-06-01'],
      ],
      persons: {
        '9000000001': {
          REGISTERED: '2021-05-03',
          APPROVED: '2021-05-05',
          ACTIVATED: '2021-05-10',
          FORM_SIGNED: '2021-06-01',
          VERIFIED: '2021-06-10',
        },
        '9000000002': { REGISTERED: '2021-05-04', APPROVED: '2021-05-20' },
        '9000000003': { ACTIVATED: '2021-05-15' },
        '9000000004': {},
      },
      blockers: {
        '9000000003': ['DECLINED', '2021-05-01'],
        '9000000002': ['WRONG_PHONE', '2021-05-25'],
        '9000000004': ['NO_SMARTPHONE', '2021-06-01'],
      },
    },
    {
      code: 'UB',
      areaCode: '90102',
      officeCode: 'BHXH-90',
      sector: 'HCSN',
      contactedOn: '2021-05-25',
      persons: {
        '9000000005': { REGISTERED: '2021-06-01', ACTIVATED: '2021-06-02' },
        '9000000006': { VERIFIED: '2021-07-01' },
      },
    },
    {
      code: 'UC',
      areaCode: '90201',
      officeCode: 'BHXH-902',
      sector: 'FDI',
      persons: { '9000000007': { REGISTERED: '2021-05-01' } },
      blockers: { '9000000007': ['DATA_MISMATCH', '2021-07-01'] },
    },
  ],
};

/** Coverage as the API returns it, from its counts in order. */
export const figures = (
  target: number,
  r: number,
  a: number,
  act: number,
  f: number,
  v: number,
  units: number,
  contacted: number,
) => ({
  target,
  registered: r,
  approved: a,
  activated: act,
  formSigned: f,
  verified: v,
  activationRate: target === 0 ? 0 : act / target,
  units,
  unitsContacted: contacted,
});

/*
 * The tabs GraphiQL opens with: the questions leadership and analysts ask most, each a query that
 * runs as it is against the demo data. The same six stand in the README.
 */
export const EXAMPLES: { query: string }[] = [
  {
    query: `# 1. The province on the reporting day, and how far from its goal (pnpm cli goal set)
query Province {
  coverage(asOf: "2021-07-31") {
    target registered approved activated activationRate formSigned verified
    unitsContacted units
    goal { rate deadline activationsNeeded neededPerDay met }
  }
}`,
  },
  {
    query: `# 2. Districts ranked by activation rate; Nha Trang's change over July
query Districts {
  ranking(by: DISTRICT, asOf: "2021-07-31") {
    rank label coverage { activationRate activated target }
  }
  change(scope: { areaId: "568" }, from: "2021-07-01", to: "2021-07-31") {
    activated activationRate
  }
}`,
  },
  {
    query: `# 3. The units of Nha Trang that lag most, among those already contacted
query Laggards {
  units(scope: { areaId: "568" }, filter: { reached: LEADERSHIP_CONTACTED },
        orderBy: ACTIVATION_RATE_ASC, asOf: "2021-07-31", first: 20) {
    totalCount
    edges { node { code name officer(asOf: "2021-07-31") { fullName } coverage(asOf: "2021-07-31") { activationRate target } } }
  }
}`,
  },
  {
    query: `# 4. Why persons in Khánh Sơn are stuck
query Blockers {
  blockers(scope: { areaId: "575" }, asOf: "2021-09-30") { reason label persons share }
}`,
  },
  {
    query: `# 5. The pace, and when the province reaches 80 % at the pace of the last 28 days
query Forecast {
  pace(asOf: "2021-07-31") { last7Days last28Days perDayLast7 perDayLast28 }
  forecast(asOf: "2021-07-31", targetRate: 0.8) { activationsNeeded perDay date }
}`,
  },
  {
    query: `# 6. The same day in today's map: 2025's communes, and what Phường Nha Trang was formed from
query TodaysMap {
  geographies { id name validFrom validUntil }
  breakdown(by: COMMUNE, scope: { geography: "KH-2025" }, asOf: "2021-07-31") {
    key label coverage { activationRate activated target }
  }
  area(id: "22366", geography: "KH-2025") { name formedFrom { id name geography { id } } }
}`,
  },
];

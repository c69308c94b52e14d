import type { Messages } from './vi.ts';

/** English catalogue with the same keys as vi.ts; not selectable yet. */
export const en: Messages = {
  app: {
    productName: 'VssID – Digital Social Insurance',
    organisation: 'Khánh Hòa Social Insurance',
    homeLinkLabel: 'VssID – Digital Social Insurance, Khánh Hòa Social Insurance: go to the overview',
    skipToContent: 'Skip to main content',
    navLabel: 'Main navigation',
    navOverview: 'Overview',
    footer: 'Khánh Hòa Social Insurance – VssID rollout tracker',
  },
  login: {
    title: 'Sign in',
    intro:
      'The VssID rollout tracker of Khánh Hòa Social Insurance. Sign in with the account you were given.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errors: {
      wrong: 'Wrong username or password.',
      locked: 'Too many failed sign-ins. Please try again in 15 minutes.',
      network: 'Could not reach the server. Please try again.',
    },
  },
  account: {
    signOut: 'Sign out',
    checking: 'Checking your session…',
    roles: {
      ADMIN: 'Administrator',
      PROVINCE: 'Province leadership',
      DISTRICT: 'District leadership',
      OFFICER: 'Officer',
      ANALYST: 'Analyst',
    },
  },
  state: {
    loading: 'Loading…',
    empty: 'No data yet',
    error: (message: string) => `Could not load the data: ${message}`,
    retry: 'Try again',
    unknownError: 'unknown error',
  },
  overview: {
    title: 'VssID rollout progress',
    asOf: (date: string) => `Figures as of ${date}`,
    tilesTitle: (area: string) => `${area} – overview`,
    tilesTitleFallback: 'Province – overview',
    chartTitle: 'Activation rate by district',
    tableTitle: 'Figures by district',
  },
  tiles: {
    target: 'Insured persons',
    registered: 'Registered',
    approved: 'Approved',
    activated: 'Activated / logged in',
    formSigned: 'Form 01 signed',
    verified: 'Verified',
    unitsContacted: 'Units contacted',
    targetNote: 'Target population',
    ofTarget: (rate: string) => `${rate} of insured persons`,
    ofUnits: (rate: string) => `${rate} of units`,
  },
  chart: {
    caption: (area: string, rate: string) =>
      `Share of insured persons who activated VssID in each district, highest first. ` +
      `Dashed line: the rate of ${area} as a whole (${rate}). The table below has the figures.`,
    seriesName: 'Activation rate',
    tooltipSeparator: ': ',
    provinceLine: (rate: string) => `Province ${rate}`,
    tooltipCounts: (activated: string, target: string) => `${activated} / ${target} persons activated`,
  },
  table: {
    caption: 'Insured persons, registrations, activations and units contacted by district',
    scrollLabel: 'Figures by district (scrolls horizontally)',
    area: 'District',
    target: 'Insured persons',
    registered: 'Registered',
    activated: 'Activated',
    activationRate: 'Activation rate',
    unitsContacted: 'Units contacted',
    totalRow: 'Province',
  },
  notFound: {
    title: 'Page not found',
    body: 'The page you are looking for does not exist or has moved.',
    home: 'Go to the overview',
  },
};

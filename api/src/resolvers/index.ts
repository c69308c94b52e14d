import type { Resolvers } from '../generated/graphql.ts';
import { accountResolvers } from './accounts.ts';
import { areaResolvers } from './areas.ts';
import { coverageResolvers } from './coverage.ts';
import { importResolvers } from './imports.ts';
import { personResolvers } from './persons.ts';
import { progressResolvers } from './progress.ts';
import { recordingResolvers } from './recording.ts';
import { reportResolvers } from './reports.ts';
import { DateScalar } from './scalars.ts';
import { searchResolvers } from './search.ts';
import { unitResolvers } from './units.ts';

const API_VERSION = '0.1.0';

export const resolvers: Resolvers[] = [
  { Date: DateScalar, Query: { apiVersion: () => API_VERSION, today: (_root, _args, { today }) => today } },
  areaResolvers,
  coverageResolvers,
  unitResolvers,
  progressResolvers,
  personResolvers,
  accountResolvers,
  recordingResolvers,
  importResolvers,
  reportResolvers,
  searchResolvers,
];

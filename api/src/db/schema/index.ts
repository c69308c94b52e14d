export * from './areas.ts';
export * from './goals.ts';
export * from './offices.ts';
export * from './outreach.ts';
export * from './persons.ts';
export * from './rollups.ts';
export * from './staff.ts';
export * from './units.ts';

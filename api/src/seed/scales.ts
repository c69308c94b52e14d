/**
 * The sizes of the generated data sets: a module of its own, so that the command line can offer them
 * without loading the generator (faker's names alone take a second to load, on every command).
 */

export type Scale = 'tiny' | 'demo' | 'province';

export interface ScaleConfig {
  units: number;
  persons: number;
  staff: number;
}

export const SCALES: Record<Scale, ScaleConfig> = {
  tiny: { units: 60, persons: 1_500, staff: 8 },
  demo: { units: 1_200, persons: 36_000, staff: 40 },
  province: { units: 8_000, persons: 250_000, staff: 150 },
};

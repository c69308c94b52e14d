import { generateMersenne53Randomizer } from '@faker-js/faker';

/** A seeded random source: the same seed gives the same data set, run after run. */
export class Random {
  private readonly source = generateMersenne53Randomizer();

  constructor(seed: number) {
    this.source.seed(seed);
  }

  next(): number {
    return this.source.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A logistic draw: cumulative counts of such dates form the S-curve of a rollout. */
  logistic(mean: number, scale: number): number {
    const u = Math.min(Math.max(this.next(), 1e-9), 1 - 1e-9);
    return mean + scale * Math.log(u / (1 - u));
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
}

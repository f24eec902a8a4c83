/** A small deterministic PRNG (mulberry32) so the demo hospital is the same on every machine. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  integer(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** Draws with a bias toward the start of the list (Zipf-like), like real surname frequencies. */
  pickByRank<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    integer,
    pick: (items) => items[integer(0, items.length - 1)]!,
    pickByRank: (items) => items[Math.min(items.length - 1, Math.floor(items.length * next() ** 2.2))]!,
    chance: (probability) => next() < probability,
  };
}

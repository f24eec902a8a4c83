/**
 * `compute` remembered per key. Names repeat a lot (two million register rows carry a few hundred
 * thousand spellings): each is computed once, and the result is the same value everywhere. Past
 * `maxEntries` the memory is emptied and starts over, so it stays bounded over any number of calls.
 */
export function memoizeByKey<T>(compute: (key: string) => T, maxEntries: number): (key: string) => T {
  const remembered = new Map<string, T>();
  return (key) => {
    let value = remembered.get(key);
    if (value === undefined) {
      value = compute(key);
      if (remembered.size >= maxEntries) remembered.clear();
      remembered.set(key, value);
    }
    return value;
  };
}

/**
 * `compute` remembered per object, for as long as the object lives (a WeakMap): what is derived
 * from a shared, frozen name list or from a configuration is computed once, however many pairs
 * compare it. The object must not change once seen (name lists are frozen; configurations are not
 * edited in place).
 */
export function memoizeByObject<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const remembered = new WeakMap<K, T>();
  return (key) => {
    let value = remembered.get(key);
    if (value === undefined) {
      value = compute(key);
      remembered.set(key, value);
    }
    return value;
  };
}

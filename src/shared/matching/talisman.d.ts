// talisman ships no typings; only the functions the matcher uses are declared.
declare module 'talisman/phonetics/french/phonex' {
  export default function phonex(word: string): string;
}
declare module 'talisman/phonetics/french/fonem' {
  export default function fonem(word: string): string;
}
declare module 'talisman/metrics/jaro-winkler' {
  export default function jaroWinkler(a: string, b: string): number;
}

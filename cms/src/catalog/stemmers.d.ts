// @orama/stemmers declares its entry points through package.json `exports`, which this package's
// CommonJS `moduleResolution: node` cannot see; these are the two entry points the catalog uses.
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/french' {
  export function stemmer(word: string): string;
}

/**
 * The shape a translation must have: every key of the English catalogue,
 * with a string at each leaf. Plurals follow each language's rules
 * (Intl.PluralRules): English has "one" and "other", Brazilian Portuguese
 * also "many" (used for compact forms like "1 mi"), so wherever English has
 * `x_other`, a translation must also give `x_many`. A missing or extra key
 * is a compile error (`npm run build` type-checks).
 */
export type Localised<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? K | `${Base}_many` : K]: T[K] extends string ? string : Localised<T[K]>;
};

// Types of scripts/i18next-slim.mjs, for the tests that check its tables.
type Value = string | boolean | undefined;
/** Methods removed per class of i18next's ES build. */
export const UNUSED_METHODS: Readonly<Record<string, readonly string[]>>;
/** [code read in i18next, its fixed value (`true`: truthy), its path on the instance]. */
export const FIXED_VALUES: readonly (readonly [string, Value, string])[];
/** [code read in a `t()` call, its value]. */
export const CALL_OPTIONS: readonly (readonly [string, Value])[];
/** [code of an unused feature, its replacement]. */
export const FEATURES: readonly (readonly [string, string])[];
/** Functions whose calls are removed (i18next's logger). */
export const LOGGER_CALLS: readonly string[];
/** [code that only fed diagnostics, its replacement]. */
export const DIAGNOSTICS: readonly (readonly [string, string])[];
/** Whether a file path or URL is i18next's ES build. */
export function isI18next(id: string): boolean;
/** The slimmed source of i18next's ES build; throws when an entry matches nothing. */
export function slimI18next(code: string, parse: (code: string) => unknown): string;

/**
 * How the catalogs keep a record in memory: as its serialized JSON members (`"name":"…"`), not as
 * an object graph beside its JSON. Reads mostly send bytes; the few that need the record (a page's
 * highlights, one record's view) parse it again, which costs microseconds.
 *
 * Most members are the same text from one record to the next (`"kind":"shelter"`,
 * `"otherNames":[]`, a label list), and from a record to its French version and to its staff
 * version: each distinct text is kept once (`share`), so a record costs little more than the text
 * that is its own (name, description, contacts).
 */

/**
 * Keeps one instance of each value seen lately, by key. Two generations of at most `max` keys:
 * when the young one is full it becomes the old one and the oldest is dropped, so odd data cannot
 * grow it without end, while what keeps recurring (shared members) stays.
 */
export class Interner<T> {
  private young = new Map<string, T>();
  private old = new Map<string, T>();

  constructor(private readonly max = 65_536) {}

  /** The kept instance for `key`, else `value` (kept from now on). */
  get(key: string, value: T): T {
    const kept = this.young.get(key);
    if (kept !== undefined) return kept;
    const older = this.old.get(key);
    const out = older === undefined ? value : older;
    if (this.young.size >= this.max) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, out);
    return out;
  }
}

/** Members longer than this are a record's own text: they are shared only within the record. */
const MAX_SHARED = 1024;
const members = new Interner<string>();
const lists = new Interner<readonly string[]>();

/** One instance of a short string (a member's text, a slug, a name, a date) for every record holding it. */
export const share = (text: string): string => (text.length > MAX_SHARED ? text : members.get(text, text));

/** One frozen instance of a list of codes (filter values) for every record holding the same. */
export const shareList = (values: readonly string[]): readonly string[] =>
  lists.get(`${values.length}:${values.join('\u0000')}`, Object.freeze([...values]));

/** A record as its serialized members, in order: JSON.stringify(record) is `{` + members.join(',') + `}`. */
export type Packed = readonly string[];

/**
 * Packs a plain record (what JSON.stringify would write: members whose value serializes, in key
 * order). `like`: other packed versions of the same record (French, staff), whose long members it
 * shares when equal.
 */
export function pack(record: object, ...like: Packed[]): Packed {
  const out: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    const v = JSON.stringify(value) as string | undefined;
    if (v === undefined) continue;
    const member = `${JSON.stringify(key)}:${v}`;
    out.push(member.length > MAX_SHARED ? (like.flat().find((m) => m === member) ?? member) : share(member));
  }
  return out;
}

/** The record's JSON, byte for byte what JSON.stringify wrote. */
export const jsonOf = (p: Packed): string => `{${p.join(',')}}`;

/**
 * Some members of a record, parsed: a reader that needs a few fields of many records (a page's
 * highlights) parses those alone. `keys` are memoized as the members' opening text.
 */
export function unpackSome<R, K extends keyof R & string>(p: Packed, keys: readonly K[]): Pick<R, K> {
  let prefixes = openings.get(keys);
  if (!prefixes) {
    prefixes = keys.map((k) => `${JSON.stringify(k)}:`);
    openings.set(keys, prefixes);
  }
  const picked = prefixes;
  return JSON.parse(`{${p.filter((m) => picked.some((o) => m.startsWith(o))).join(',')}}`) as Pick<R, K>;
}
const openings = new WeakMap<readonly string[], string[]>();

/** The record, parsed again (a new object on every call: callers may keep or change it). */
export const unpack = <R>(p: Packed): R => JSON.parse(jsonOf(p)) as R;

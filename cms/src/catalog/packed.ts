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
export class Interner<T, K = string> {
  private young = new Map<K, T>();
  private old = new Map<K, T>();

  constructor(private readonly max = 65_536) {}

  /** The kept instance for `key`, if any (an old one is kept young again). */
  find(key: K): T | undefined {
    const kept = this.young.get(key);
    if (kept !== undefined) return kept;
    const older = this.old.get(key);
    return older === undefined ? undefined : this.add(key, older);
  }

  /** Keeps `value` for `key` (which `find` did not find) and returns it. */
  add(key: K, value: T): T {
    if (this.young.size >= this.max) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }

  /** The kept instance for `key`, else `value` (kept from now on). */
  get(key: K, value: T): T {
    return this.find(key) ?? this.add(key, value);
  }
}

/** Members longer than this are a record's own text: they are shared only within the record. */
const MAX_SHARED = 1024;
const members = new Interner<string>();
const lists = new Interner<readonly string[]>();

/** One instance of a short string that recurs across records (a date) for every record holding it. */
export const share = (text: string): string => (text.length > MAX_SHARED ? text : members.get(text, text));

/**
 * One frozen instance of a list of codes (filter values) for every record holding the same. A
 * frozen list is taken as it is: it is one of these already (a staff entry's, from its public one).
 */
export function shareList(values: readonly string[]): readonly string[] {
  if (Object.isFrozen(values)) return values;
  const key = `${values.length}:${values.join('\u0000')}`;
  // Copied only when new: most lists are found (a few provinces, codes and kinds recur).
  return lists.find(key) ?? lists.add(key, Object.freeze([...values]));
}

/** A record as its serialized members, in order: JSON.stringify(record) is `{` + members.join(',') + `}`. */
export type Packed = readonly string[];

/** A value JSON.stringify writes without looking into it: no JSON needs writing to find its member. */
type Primitive = string | number | boolean | bigint | null;
const isPrimitive = (v: unknown): v is Primitive =>
  v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol');

/**
 * The members of one key, kept by their value's JSON, or by the value itself when it is a string,
 * number or boolean (found without writing its JSON). Per key rather than one table of whole
 * members: the value is looked up as it is (no `"key":` + value string to build and hash first),
 * and a key whose values are each record's own (slug, name, email…) stops crowding out the shared
 * ones: once most of its look-ups miss, it only remembers its last few members (enough for the
 * French and staff versions of the record being packed), compared as they are rather than hashed —
 * a look-up in a table hashes the whole value, which for a record's own text (a description) is
 * most of the cost of packing it, and would be in vain.
 */
class KeyMembers {
  private readonly opening: string;
  private byJson: Interner<Member> | null = new Interner<Member>(PER_KEY);
  private byValue: Interner<Member, Primitive> | null = new Interner<Member, Primitive>(PER_KEY);
  /** Once the key's values are each record's own: its last members, newest at `next - 1`, and their values when primitive. */
  private readonly recent: string[] = [];
  private readonly recentValues: Array<Primitive | undefined> = [];
  private next = 0;
  private lookups = 0;
  private hits = 0;

  constructor(key: string) {
    this.opening = `${JSON.stringify(key)}:`;
  }

  /**
   * `"key":` + the value's JSON, as one flat string. With `+`, V8 makes a string of 13 characters
   * or more as a pair of pointers to its two parts (a cons string), which the catalogs then kept:
   * 1.7 million of them at 100,000 organizations (a heap snapshot), each an object more for every
   * full collection to mark, and a detour for every page that copies the member.
   */
  private withOpening(json: string): string {
    return [this.opening, json].join('');
  }

  /** Whether `member` is one of this key's. */
  holds(member: string): boolean {
    return member.startsWith(this.opening);
  }

  /** Where this key's member is in `packed`, looking from `start` on (-1: none). */
  indexIn(packed: Packed, start: number): number {
    for (let i = start; i < packed.length; i++) if (this.holds(packed[i]!)) return i;
    return -1;
  }

  /** Whether `member` is this key's member for the value whose JSON is `value`. */
  is(member: string, value: string): boolean {
    return member.length === this.opening.length + value.length && member.endsWith(value) && member.startsWith(this.opening);
  }

  /** Whether the key's values mostly differ: counted on each look-up, decided once. */
  private isOwn(): boolean {
    if (++this.lookups === OWN_AFTER && this.hits * 4 < this.lookups) {
      this.byJson = null;
      this.byValue = null;
    }
    return !this.byValue;
  }

  /** The member of a string, number or boolean value: a kept one when an earlier record held it, else a new one. */
  primitive(value: Primitive): string {
    if (!this.byValue || (typeof value === 'string' && value.length + this.opening.length > MAX_SHARED) || this.isOwn()) {
      return this.recentMember(value, JSON.stringify(value));
    }
    const found = this.byValue.find(value);
    if (found !== undefined) {
      this.hits++;
      return found.text;
    }
    return this.byValue.add(value, { text: this.withOpening(JSON.stringify(value)), value }).text;
  }

  /**
   * The member for `value`, whose JSON is `json`: a kept one when an earlier record held an equal
   * value (then `recurring`, when given, is told that record's value), else a new one.
   */
  member(value: unknown, json: string, key: string, recurring: Recurring | undefined): string {
    if (json.length + this.opening.length > MAX_SHARED) return this.withOpening(json);
    const byJson = this.byJson;
    if (!byJson || this.isOwn()) return this.recentMember(undefined, json);
    const found = byJson.find(json);
    if (found !== undefined) {
      this.hits++;
      if (recurring && typeof found.value === 'object' && found.value !== null) {
        recurring.keys.push(key);
        recurring.values.push(found.value);
      }
      return found.text;
    }
    return byJson.add(json, { text: this.withOpening(json), value }).text;
  }

  /** Among the last members: the one of `value` (primitive) or of `json`. Long members go here too, never kept. */
  private recentMember(value: Primitive | undefined, json: string): string {
    for (let k = 0; k < this.recent.length; k++) {
      if ((value !== undefined && this.recentValues[k] === value) || this.is(this.recent[k]!, json)) return this.recent[k]!;
    }
    const member = this.withOpening(json);
    this.recent[this.next] = member;
    this.recentValues[this.next] = value;
    this.next = (this.next + 1) % OWN_RECENT;
    return member;
  }
}
/** A kept member, and the value of the record that first held it. */
interface Member {
  readonly text: string;
  readonly value: unknown;
}
/**
 * Values kept per key (two generations). Small: shared values recur within a few thousand records,
 * and the tables stay alive with the catalogs (65,536 per key cost 0.6 KB per organization at 10,000).
 */
const PER_KEY = 2048;
/** Look-ups after which a key whose values mostly differ keeps its last few members only. */
const OWN_AFTER = 4096;
/** A record's versions (English, French, and the staff catalog's two) are packed one after the other. */
const OWN_RECENT = 8;
const byKey = new Map<string, KeyMembers>();

/**
 * The keys of a record's members that earlier records held too, with the value (object or array)
 * the earliest of them held: equal to the record's (the same JSON), so that a record kept as an
 * object may point to it rather than keep a copy of its own (see toEntry).
 */
export interface Recurring {
  keys: string[];
  values: object[];
}

/** A record packed earlier, and its members (see pack's `from`). */
export interface PackedRecord {
  readonly record: object;
  readonly packed: Packed;
}

/**
 * Packs a plain record (what JSON.stringify would write: members whose value serializes, in key
 * order). `recurring`: told the members other records held (see Recurring). `from`: records packed
 * earlier whose values this one may hold as they are (a document's French record holds the
 * English one's where they read the same, its staff records the very objects of its public ones):
 * a value that is the one a record of `from` holds under its key takes that record's member, with
 * no JSON written or looked up. The keys a record and those of `from` share come in the same order.
 */
export function pack(record: object, recurring?: Recurring, from: readonly PackedRecord[] = []): Packed {
  const out: string[] = [];
  // Where each record of `from` was last taken from: its members are looked for from there on.
  const cursors = from.length === 0 ? NO_CURSORS : from.map(() => 0);
  members: for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const value: unknown = (record as Record<string, unknown>)[key];
    if (value === undefined) continue;
    let keyed = byKey.get(key);
    if (!keyed) {
      if (byKey.size >= MAX_KEYS) byKey.clear();
      keyed = new KeyMembers(key);
      byKey.set(key, keyed);
    }
    for (let f = 0; f < from.length; f++) {
      const { record: held, packed } = from[f]!;
      // Cast kept: a record's keys are read by name, as the loop reads the record's own.
      if ((held as Record<string, unknown>)[key] !== value) continue;
      const at = keyed.indexIn(packed, cursors[f]!);
      if (at < 0) continue;
      out.push(packed[at]!);
      cursors[f] = at + 1;
      continue members;
    }
    if (isPrimitive(value)) {
      out.push(keyed.primitive(value));
      continue;
    }
    const v = JSON.stringify(value) as string | undefined;
    if (v !== undefined) out.push(keyed.member(value, v, key, recurring));
  }
  return out;
}
const NO_CURSORS: number[] = [];
/** Records have a few dozen keys; odd data cannot grow the table of keys without end. */
const MAX_KEYS = 1024;

/** The record's JSON without its braces. */
export const membersOf = (p: Packed): string => p.join(',');

/** The record's JSON, byte for byte what JSON.stringify wrote. */
export const jsonOf = (p: Packed): string => `{${membersOf(p)}}`;

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

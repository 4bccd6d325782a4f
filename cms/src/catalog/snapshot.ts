/**
 * The catalogs' entries kept on disk across boots, so that a boot need not make every entry again
 * (at 100,000 organizations, reading the rows and making the entries is most of a boot: ~40 s).
 *
 * Written after a full load, off the request path (a few milliseconds of work per turn of the event
 * loop), from that load's own entries and words; read by the next boot, which then re-reads only
 * the documents whose rows differ from those the snapshot was made of (documentSignatures: their
 * count, highest id and latest update, per document), whatever happened meanwhile — writes by
 * other instances, a restored backup, another database at the same path. A snapshot made by other
 * code (any compiled file of the app or the SDK differs), under other reference data (terms), cut
 * short, or unreadable, is not used: the boot loads every row, as it would without one.
 *
 * It holds what the staff catalog holds, confidential fields included: it is written readable by
 * its owner only (0600), and belongs with the database (docs/operations.md).
 *
 * The file: frames of [length (u32 LE)][v8.serialize(frame)]. Every string (a record's member, a
 * name, a document id) is written once and named by its index after that, so that what the
 * catalogs share in memory (members, lists, records' values) is shared again when read.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import type { FilterName, InternalOrganization, PublicOrganization } from '@referral-directory/sdk';
import { FILTER_NAMES } from '@referral-directory/sdk';
import { EntriesLoad, type Entry, type Named } from './catalog';
import { entryFromParts, entryParts } from './entry';
import { type Packed, unpack } from './packed';
import { Postings } from './segment';
import { INTERNAL_FILTER_NAMES, type InternalEntry, type InternalFilterName, internalText } from './row-entries';
import type { LoadState } from './full-load';

/** Changed whenever the file's layout changes. */
const FORMAT = 1;
/** Entries per frame: a frame is encoded within a few milliseconds. */
const BATCH = 256;
/** Strings per frame of a pass 1's words. */
const WORDS_BATCH = 16_384;

type Frame =
  | { t: 'head'; format: number; key: string; reference: string }
  | { t: 'entries'; c: 0 | 1; strings: string[]; lists: number[][]; data: Uint32Array }
  | { t: 'seen'; c: 0 | 1; strings: string[]; seen: Uint32Array }
  | {
      t: 'counts';
      c: 0 | 1;
      df: Uint32Array<ArrayBuffer>;
      starts: Uint32Array<ArrayBuffer>;
      lengths: Float32Array<ArrayBuffer>;
      totalLength: number;
      total: number;
      records: number;
    }
  | { t: 'postings'; c: 0 | 1; word: Uint32Array; tf: Float32Array }
  | { t: 'docs'; strings: string[]; data: Uint32Array }
  | { t: 'end'; entries: [number, number]; documents: number };

/**
 * What identifies the code that makes entries: the app's compiled files and the SDK's. A snapshot
 * made by other code is never read (an entry's layout or content may differ).
 */
export function codeKey(): string {
  const hash = crypto.createHash('sha256').update(`${FORMAT}|${process.version}|`);
  const roots = [path.resolve(__dirname, '..'), path.dirname(require.resolve('@referral-directory/sdk'))];
  for (const root of roots) {
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(c|m)?(j|t)s$/.test(f)).sort();
    for (const f of files) hash.update(`${f}\u0000`).update(fs.readFileSync(path.join(root, f)));
  }
  return hash.digest('hex');
}

/** Numbers strings and lists (by identity) as the frames first meet them. */
class Table {
  private readonly strings = new Map<string, number>();
  private readonly lists = new Map<readonly string[], number>();
  private freshStrings: string[] = [];
  private freshLists: number[][] = [];

  string(s: string): number {
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.strings.size;
      this.strings.set(s, i);
      this.freshStrings.push(s);
    }
    return i;
  }

  list(l: readonly string[]): number {
    let i = this.lists.get(l);
    if (i === undefined) {
      i = this.lists.size;
      this.lists.set(l, i);
      this.freshLists.push(l.map((s) => this.string(s)));
    }
    return i;
  }

  /** The strings and lists met since the last call, which the frame being made must carry. */
  fresh(): { strings: string[]; lists: number[][] } {
    const out = { strings: this.freshStrings, lists: this.freshLists };
    this.freshStrings = [];
    this.freshLists = [];
    return out;
  }
}

const frame = (f: Frame): Buffer => {
  const body = v8.serialize(f);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32LE(body.length);
  return Buffer.concat([head, body]);
};

const FILTERS: [readonly string[], readonly string[]] = [FILTER_NAMES, INTERNAL_FILTER_NAMES];

/** The snapshot of a load, frame by frame (a generator: the writer spreads it over turns of the event loop). */
export function* snapshotFrames(state: LoadState, key: string): Generator<Buffer> {
  const table = new Table();
  yield frame({ t: 'head', format: FORMAT, key, reference: state.reference });
  const catalogs: Array<{ entries: readonly Entry<Named, string>[]; ids: string[]; words: Postings }> = [
    { entries: state.loads.public.entries, ids: state.publicIds, words: state.loads.public.words },
    { entries: state.loads.internal.entries, ids: state.internalIds, words: state.loads.internal.words },
  ];
  for (const c of [0, 1] as const) {
    const { entries, ids, words } = catalogs[c]!;
    if (entries.length !== ids.length || words.records !== entries.length)
      throw new Error('snapshot: a load whose entries, documents and words differ in number');
    const filters = FILTERS[c]!;
    for (let from = 0; from < entries.length; from += BATCH) {
      const data: number[] = [];
      for (let i = from; i < Math.min(from + BATCH, entries.length); i++) {
        const p = entryParts(entries[i]!);
        data.push(table.string(ids[i]!), table.string(p.slug), table.string(p.nameEn), table.string(p.nameFr), table.string(p.slugFr));
        data.push(table.string(p.lastVerified), p.en.length);
        for (const m of p.en) data.push(table.string(m));
        data.push(p.fr.length);
        for (const m of p.fr) data.push(table.string(m));
        for (const name of filters) data.push(table.list(p.values[name]!));
      }
      yield frame({ t: 'entries', c, ...table.fresh(), data: Uint32Array.from(data) });
    }
    const w = words.parts();
    for (let from = 0; from < w.seen.length; from += WORDS_BATCH) {
      const seen = Uint32Array.from(w.seen.slice(from, from + WORDS_BATCH), (s) => table.string(s));
      yield frame({ t: 'seen', c, strings: table.fresh().strings, seen });
    }
    yield frame({
      t: 'counts',
      c,
      df: w.df.slice(0, w.seen.length),
      starts: w.starts.slice(0, w.records + 1),
      lengths: w.lengths.slice(0, w.records),
      totalLength: w.totalLength,
      total: w.total,
      records: w.records,
    });
    for (let k = 0; k < w.word.length; k++) yield frame({ t: 'postings', c, word: w.word[k]!, tf: w.tf[k]! });
  }
  const documents = [...state.signatures];
  for (let from = 0; from < documents.length; from += BATCH * 8) {
    const data: number[] = [];
    for (const [id, signature] of documents.slice(from, from + BATCH * 8)) data.push(table.string(id), table.string(signature));
    yield frame({ t: 'docs', strings: table.fresh().strings, data: Uint32Array.from(data) });
  }
  yield frame({ t: 'end', entries: [catalogs[0]!.entries.length, catalogs[1]!.entries.length], documents: documents.length });
}

/**
 * Writes the snapshot to `file` (through a file of its own beside it, renamed when complete: a
 * reader never sees half of one), at most `sliceMs` of encoding per turn of the event loop. Stops,
 * leaving no file behind, once `stopped()` says so. Resolves to the bytes written (0: stopped).
 */
export async function writeSnapshot(file: string, frames: Generator<Buffer>, stopped: () => boolean, sliceMs = 4): Promise<number> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await fs.promises.open(temporary, 'w', 0o600);
  let bytes = 0;
  let complete = false;
  try {
    for (;;) {
      if (stopped()) return 0;
      const until = performance.now() + sliceMs;
      const batch: Buffer[] = [];
      let done = false;
      while (performance.now() < until) {
        const step = frames.next();
        if (step.done) {
          done = true;
          break;
        }
        batch.push(step.value);
      }
      for (const b of batch) bytes += b.length;
      if (batch.length > 0) await handle.writev(batch);
      else await new Promise((resolve) => setImmediate(resolve));
      if (done) break;
    }
    await handle.close();
    await fs.promises.rename(temporary, file);
    complete = true;
    return bytes;
  } finally {
    if (!complete) {
      await handle.close().catch(() => undefined);
      await fs.promises.rm(temporary, { force: true });
    }
  }
}

/** A snapshot read back: the load it was made of, or why it cannot be used. */
export type ReadSnapshot = { state: LoadState } | { reason: string };

/**
 * Reads a snapshot: the entries (the public ones with their records, made from their members:
 * a member read again is the same value, as it was in memory), their words, and the documents'
 * signatures. `key`: codeKey(); `reference`: the reference tables' fingerprint now.
 */
export async function readSnapshot(file: string, key: string, reference: string): Promise<ReadSnapshot> {
  let buffer: Buffer;
  try {
    buffer = await fs.promises.readFile(file);
  } catch (error: unknown) {
    return { reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : `unreadable (${String(error)})` };
  }
  try {
    const reader = new Reader(key, reference);
    for (let at = 0; at < buffer.length; ) {
      const length = buffer.readUInt32LE(at);
      // Cast kept: the frames are this module's own (a file of another layout has another key, read first).
      const refused = reader.frame(v8.deserialize(buffer.subarray(at + 4, at + 4 + length)) as Frame);
      if (refused) return { reason: refused };
      at += 4 + length;
    }
    return reader.result();
  } catch (error: unknown) {
    return { reason: `unreadable (${String(error)})` };
  }
}

/** A snapshot's frames, read in order into a load. */
class Reader {
  private readonly strings: string[] = [];
  private readonly lists: Array<readonly string[]> = [];
  /** Per member holding an object or a list (by its string's index), the value the first record holding it was given. */
  private readonly shared = new Map<number, unknown>();
  private readonly entries: [Entry[], InternalEntry[]] = [[], []];
  private readonly ids: [string[], string[]] = [[], []];
  private readonly seen: [string[], string[]] = [[], []];
  private readonly counts: Array<Extract<Frame, { t: 'counts' }>> = [];
  private readonly chunks: Array<{ word: Uint32Array[]; tf: Float32Array[] }> = [
    { word: [], tf: [] },
    { word: [], tf: [] },
  ];
  private readonly signatures = new Map<string, string>();
  private headed = false;
  private ended = false;

  constructor(
    private readonly key: string,
    private readonly reference: string,
  ) {}

  /** Takes the next frame; a reason when the snapshot cannot be used. */
  frame(f: Frame): string | null {
    if (f.t === 'head') {
      if (f.format !== FORMAT || f.key !== this.key) return 'made by another version of the app';
      if (f.reference !== this.reference) return 'made under other reference data (terms)';
      this.headed = true;
      return null;
    }
    if (!this.headed) throw new Error('no header');
    const { strings } = this;
    if ('strings' in f) for (const s of f.strings) strings.push(s);
    if (f.t === 'entries') this.entriesOf(f);
    else if (f.t === 'seen') for (const i of f.seen) this.seen[f.c].push(strings[i]!);
    else if (f.t === 'counts') this.counts[f.c] = f;
    else if (f.t === 'postings') {
      this.chunks[f.c]!.word.push(f.word);
      this.chunks[f.c]!.tf.push(f.tf);
    } else if (f.t === 'docs')
      for (let p = 0; p < f.data.length; p += 2) this.signatures.set(strings[f.data[p]!]!, strings[f.data[p + 1]!]!);
    else if (f.t === 'end') {
      const [publicCount, internalCount] = f.entries;
      if (publicCount !== this.entries[0].length || internalCount !== this.entries[1].length || f.documents !== this.signatures.size)
        throw new Error('counts differ');
      this.ended = true;
    }
    return null;
  }

  private entriesOf(f: Extract<Frame, { t: 'entries' }>): void {
    const { strings } = this;
    for (const l of f.lists) this.lists.push(Object.freeze(l.map((i) => strings[i]!)));
    const d = f.data;
    const text = (p: number) => strings[d[p]!]!;
    for (let p = 0; p < d.length; ) {
      this.ids[f.c].push(text(p));
      const [slug, nameEn, nameFr, slugFr, lastVerified] = [text(p + 1), text(p + 2), text(p + 3), text(p + 4), text(p + 5)];
      p += 6;
      const en = Array.from(d.subarray(p + 1, p + 1 + d[p]!));
      p += 1 + en.length;
      const fr = Array.from(d.subarray(p + 1, p + 1 + d[p]!));
      p += 1 + fr.length;
      const values: Record<string, readonly string[]> = {};
      for (const name of FILTERS[f.c]!) values[name] = this.lists[d[p++]!]!;
      const packed = (list: number[]): Packed => list.map((i) => strings[i]!);
      const parts = { slug, en: packed(en), fr: packed(fr), nameEn, nameFr, slugFr, lastVerified };
      // The public catalog keeps its records (their values shared as they were); the staff one parses them when read.
      // Casts kept: the values are per filter of the catalog they were written from.
      if (f.c === 0) {
        const keptEn = this.recordOf<PublicOrganization>(parts.en, en);
        const kept = { en: keptEn, fr: this.recordOf<PublicOrganization>(parts.fr, fr, valuesOf(keptEn, en)) };
        this.entries[0].push(entryFromParts({ ...parts, values: values as Record<FilterName, readonly string[]>, kept }));
      } else {
        const internalValues = values as Record<InternalFilterName, readonly string[]>;
        this.entries[1].push(
          entryFromParts<InternalOrganization, InternalFilterName>({ ...parts, values: internalValues, kept: null }, internalText),
        );
      }
    }
  }

  /**
   * A record from its members: parsed whole (JSON.parse makes objects of fast properties; one made
   * a member at a time, by computed keys, turns into a dictionary past a dozen, twice the memory),
   * then each object or list it holds replaced by the one the first record holding the same member
   * was given, and, for the French record, each value the English one holds under the same member
   * by the English one's: one value for all the records and both locales that hold it, as in memory.
   */
  private recordOf<R extends object>(packed: Packed, indexes: number[], english?: Map<number, unknown>): R {
    const r = unpack<R>(packed);
    const keys = Object.keys(r);
    for (let k = 0; k < keys.length; k++) {
      const v: unknown = Reflect.get(r, keys[k]!);
      const i = indexes[k]!;
      if (english?.has(i)) Reflect.set(r, keys[k]!, english.get(i));
      else if (typeof v === 'object' && v !== null) {
        const held = this.shared.get(i);
        if (held === undefined) this.shared.set(i, v);
        else Reflect.set(r, keys[k]!, held);
      }
    }
    return r;
  }

  result(): ReadSnapshot {
    if (!this.ended) return { reason: 'cut short' };
    const words = ([0, 1] as const).map((c) => {
      const n = this.counts[c];
      if (!n) throw new Error('no word counts');
      return Postings.fromParts({ ...n, seen: this.seen[c], word: this.chunks[c]!.word, tf: this.chunks[c]!.tf });
    });
    return {
      state: {
        loads: { public: new EntriesLoad(this.entries[0], words[0]), internal: new EntriesLoad(this.entries[1], words[1]) },
        publicIds: this.ids[0],
        internalIds: this.ids[1],
        signatures: this.signatures,
        reference: this.reference,
      },
    };
  }
}

/** A record's values by their members' indexes (what its French version may take). */
function valuesOf(r: object, indexes: number[]): Map<number, unknown> {
  return new Map(Object.keys(r).map((key, k): [number, unknown] => [indexes[k]!, Reflect.get(r, key)]));
}

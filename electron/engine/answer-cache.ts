/** What the cache may hold in all, and at most how many answers (the oldest used go first). */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 512;

interface Entry {
  readonly answer: Promise<unknown>;
  bytes: number;
}

/** About how much memory an answer holds: its Arrow buffers plus its JSON text. */
export function answerBytes(value: unknown): number {
  let buffers = 0;
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (v instanceof Uint8Array) {
      buffers += v.byteLength;
      return undefined;
    }
    return typeof v === 'bigint' ? v.toString() : v;
  });
  return buffers + (text?.length ?? 0);
}

/**
 * Recent answers of the read-only explore methods over one workspace's calls, by method and request.
 * Going back to a slice seen a moment ago (a filter chip removed, a facet clicked off) is the most
 * common click in a post-mortem; its panels then answer without touching the engine. Every answer is
 * dropped when the calls change (`invalidate`, around each ingest), and the same question asked while
 * its answer is still being computed shares that computation. A failed answer is not kept.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private version = 0;

  constructor(
    private readonly maxBytes = MAX_BYTES,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** Forgets every answer, including those still being computed from the calls as they were. */
  invalidate(): void {
    this.version++;
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  answer<T>(method: string, request: unknown, compute: () => Promise<T>): Promise<T> {
    const key = `${method}\u0000${JSON.stringify(request)}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is the eviction order: a hit becomes the newest.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.answer as Promise<T>;
    }
    const version = this.version;
    const answer = compute();
    const entry: Entry = { answer, bytes: 0 };
    this.entries.set(key, entry);
    answer.then(
      (value) => {
        if (this.version !== version || this.entries.get(key) !== entry) return;
        entry.bytes = answerBytes(value);
        this.bytes += entry.bytes;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return answer;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}

/**
 * A pull reader over a stream of byte chunks: lines and exact-length blocks, for WARC and ARC records.
 * A stream that fails (a truncated gzip member) ends like EOF; the failure is kept in `error`.
 */

/** Longest line read as one line (WARC header lines are short; anything longer is junk). */
const MAX_LINE = 64 * 1024;

export class ByteReader {
  #buf: Buffer = Buffer.alloc(0);
  #pos = 0;
  #eof = false;
  readonly #it: AsyncIterator<Uint8Array>;
  /** Bytes consumed so far (offset of the next byte in the uncompressed stream). */
  offset = 0;
  /** What ended the stream early, if anything. */
  error: unknown = null;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#it = source[Symbol.asyncIterator]();
  }

  async #pull(): Promise<boolean> {
    if (this.#eof) return false;
    try {
      const { value, done } = await this.#it.next();
      if (done) {
        this.#eof = true;
        return false;
      }
      const rest = this.#buf.subarray(this.#pos);
      this.#buf = rest.length === 0 ? Buffer.from(value) : Buffer.concat([rest, value]);
      this.#pos = 0;
      return true;
    } catch (e) {
      this.error = e;
      this.#eof = true;
      return false;
    }
  }

  /** Whether nothing is left. */
  async atEnd(): Promise<boolean> {
    while (this.#pos >= this.#buf.length) if (!(await this.#pull())) return true;
    return false;
  }

  /** The next line with its terminator, or null at the end. Lines longer than 64 KiB come in pieces. */
  async readLine(): Promise<Buffer | null> {
    for (;;) {
      const nl = this.#buf.indexOf(0x0a, this.#pos);
      if (nl >= 0 && nl - this.#pos < MAX_LINE) return this.#take(nl + 1 - this.#pos);
      if (this.#buf.length - this.#pos >= MAX_LINE) return this.#take(MAX_LINE);
      if (!(await this.#pull())) {
        const left = this.#buf.length - this.#pos;
        return left > 0 ? this.#take(left) : null;
      }
    }
  }

  #take(n: number): Buffer {
    const out = this.#buf.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    this.offset += n;
    return out;
  }

  /** Exactly n bytes, or fewer at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      const avail = this.#buf.length - this.#pos;
      if (avail > 0) {
        const k = Math.min(avail, need);
        parts.push(Buffer.from(this.#take(k)));
        need -= k;
        continue;
      }
      if (!(await this.#pull())) break;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** Skip n bytes; returns how many were skipped. */
  async skip(n: number): Promise<number> {
    let need = n;
    while (need > 0) {
      const avail = this.#buf.length - this.#pos;
      if (avail > 0) {
        const k = Math.min(avail, need);
        this.#take(k);
        need -= k;
        continue;
      }
      if (!(await this.#pull())) break;
    }
    return n - need;
  }
}

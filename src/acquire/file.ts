/**
 * Local inputs: a file path, a `.gz` file, or `-` for standard input, read into a Document with
 * limits (size before and after decompression) and clear errors for what cannot be read.
 */
import { readFile, stat } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { type Document, err, LedeError, LIMITS, ok, type Result } from "../core/index.ts";

export interface FileInputOptions {
  /** Largest file accepted, in bytes. */
  readonly maxBytes?: number;
  /** Largest decompressed size of a `.gz` file, in bytes. */
  readonly maxDecompressedBytes?: number;
  /** Where `-` reads from. */
  readonly stdin?: NodeJS.ReadableStream;
}

async function readStream(stream: NodeJS.ReadableStream, max: number, name: string): Promise<Result<Buffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > max)
      return err(new LedeError("input", "too-large", `input is larger than ${max} bytes [${name}]`));
    chunks.push(b);
  }
  return ok(Buffer.concat(chunks));
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Read a local input into a Document.
 *
 * @param path a file path, or `-` for standard input
 * @param options size limits and the stdin stream
 * @returns the document, or an `input` error: `not-found`, `is-directory`, `too-large`, `empty`, `unreadable`, `decode`
 * @example const r = await readFileInput("page.html"); if (r.ok) extractDocument(r.value);
 */
export async function readFileInput(path: string, options: FileInputOptions = {}): Promise<Result<Document>> {
  const max = options.maxBytes ?? LIMITS.maxInputBytes;
  let body: Buffer;
  if (path === "-") {
    const r = await readStream(options.stdin ?? process.stdin, max, path);
    if (!r.ok) return r;
    body = r.value;
  } else {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR")
        return err(new LedeError("input", "not-found", `no such file [${path}]`, e));
      return err(
        new LedeError("input", "unreadable", `cannot read file: ${(e as Error).message} [${path}]`, e),
      );
    }
    if (info.isDirectory())
      return err(new LedeError("input", "is-directory", `is a directory, not a file [${path}]`));
    if (info.size > max) {
      return err(
        new LedeError("input", "too-large", `file is ${info.size} bytes, over the limit of ${max} [${path}]`),
      );
    }
    try {
      body = await readFile(path);
    } catch (e) {
      return err(
        new LedeError("input", "unreadable", `cannot read file: ${(e as Error).message} [${path}]`, e),
      );
    }
  }
  if (isGzip(body)) {
    const maxOut = options.maxDecompressedBytes ?? LIMITS.maxDecompressedBytes;
    try {
      body = gunzipSync(body, { maxOutputLength: maxOut });
    } catch (e) {
      const tooBig =
        (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || /larger than/i.test(String(e));
      return err(
        tooBig
          ? new LedeError("input", "too-large", `decompresses to more than ${maxOut} bytes [${path}]`, e)
          : new LedeError("input", "decode", `not valid gzip: ${(e as Error).message} [${path}]`, e),
      );
    }
  }
  if (body.length === 0) return err(new LedeError("input", "empty", `input is empty [${path}]`));
  return ok({
    input: path,
    url: null,
    body,
    contentType: null,
    headers: {},
    fetchedAt: new Date().toISOString(),
    sourceKind: path === "-" ? "stdin" : "file",
  });
}

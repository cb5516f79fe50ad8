/** Default limits on everything that comes from outside. Named, so callers and docs agree. */
export const LIMITS = {
  /** Largest input file or response body accepted, in bytes (10 MB). */
  maxInputBytes: 10 * 1024 * 1024,
  /** Largest decompressed size accepted from a .gz input or a compressed response (50 MB). */
  maxDecompressedBytes: 50 * 1024 * 1024,
  /** Time allowed for one document through extract and analyse, in milliseconds. */
  documentTimeoutMs: 30_000,
  /** Share of control bytes above which an input is taken as binary. */
  binaryControlRatio: 0.1,
} as const;

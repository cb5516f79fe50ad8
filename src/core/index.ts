/** The public face of core: types, schemas, errors, results, config. */
export * from "./config.ts";
export * from "./encoding.ts";
export * from "./errors.ts";
export * from "./hash.ts";
export * from "./limits.ts";
export * from "./result.ts";
export * from "./schema.ts";
export type * from "./types.ts";

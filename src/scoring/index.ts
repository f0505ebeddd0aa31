// Pure scoring rules (docs/domain.md): data in, data out; no database, clock or I/O.
export * from "./rating.ts";
export * from "./predicate.ts";
export * from "./realisation.ts";
export * from "./behaviour.ts";
export * from "./distribution.ts";
export * from "./credit.ts";
export * from "./legacy-skp.ts";
export * from "./legacy-final.ts";
export * from "./mode.ts";
export * from "./leniency.ts";
export * from "./ikm.ts";

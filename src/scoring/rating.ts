// The vocabulary of the 2022 rating rules (PermenPANRB 6/2022; docs/domain.md, "Rating").

/** A supervisor's rating of work results or of work behaviour, against expectation. */
export const RATINGS = ["ABOVE", "MEETS", "BELOW"] as const;
export type Rating = (typeof RATINGS)[number];

/** Lowest first, so an index comparison is a predicate comparison. */
export const PREDICATE_ORDER = ["SANGAT_KURANG", "KURANG", "BUTUH_PERBAIKAN", "BAIK", "SANGAT_BAIK"] as const;
export type Predicate = (typeof PREDICATE_ORDER)[number];

/** The seven BerAKHLAK core values on which behaviour is judged. */
export const BERAKHLAK_VALUES = [
  "BERORIENTASI_PELAYANAN",
  "AKUNTABEL",
  "KOMPETEN",
  "HARMONIS",
  "LOYAL",
  "ADAPTIF",
  "KOLABORATIF",
] as const;
export type BerakhlakValue = (typeof BERAKHLAK_VALUES)[number];

/** Same names as the Prisma enums RhkKind and IndicatorAspect. */
export type RhkKind = "MAIN" | "ADDITIONAL";
export type Aspect = "QUANTITY" | "QUALITY" | "TIME" | "COST";

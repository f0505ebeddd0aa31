import type { Db } from "../db/client.ts";
import { DEFAULT_SUGGESTION_THRESHOLDS, type OrganisationalResult, type RatingMode, type SuggestionThresholds } from "../scoring/index.ts";
import type { EvaluationPeriodKind } from "./skp-progress.ts";

/**
 * Policy: the numbers SPEC §3 marks as configurable. Today they are these defaults; a later issue
 * loads them from the database (per region, possibly per unit), so the shape stays flat and
 * JSON-friendly: plain numbers and booleans, no functions.
 */
export interface ReportPolicy {
  /** How many working days before today a report may be dated. */
  backdateWorkingDays: number;
  minPhotos: number;
  maxPhotos: number;
  /** Whether an entry may be an "additional task" outside the SKP indicators. */
  allowAdditionalTask: boolean;
  /** Largest evidence file accepted, in bytes. */
  maxPhotoBytes: number;
  /** A /lapor left this long ends; the answers stay as a draft. */
  idleMinutes: number;
  /** Minutes one entry may claim. */
  maxMinutesPerEntry: number;
  /** Above this many minutes logged on one day, the employee is asked to confirm. */
  confirmMinutesPerDay: number;
  descriptionMinChars: number;
  descriptionMaxChars: number;
}

export const DEFAULT_POLICY: Readonly<ReportPolicy> = Object.freeze({
  backdateWorkingDays: 3,
  minPhotos: 1,
  maxPhotos: 10,
  allowAdditionalTask: true,
  maxPhotoBytes: 10 * 1024 * 1024,
  idleMinutes: 30,
  maxMinutesPerEntry: 720,
  confirmMinutesPerDay: 720,
  descriptionMinChars: 10,
  descriptionMaxChars: 1000,
});

/** Policy for supervisors' decisions on reports (SPEC §3, "Supervisors should act within 3 working days"). */
export interface ReviewPolicy {
  /** A report pending more than this many working days reminds the supervisor. */
  reviewReminderWorkingDays: number;
  /** A report pending more than this many working days is escalated to the supervisor's own supervisor. */
  reviewEscalationWorkingDays: number;
  /** Reports per page in /persetujuan. */
  approvalsPageSize: number;
}

export const DEFAULT_REVIEW_POLICY: Readonly<ReviewPolicy> = Object.freeze({
  reviewReminderWorkingDays: 3,
  reviewEscalationWorkingDays: 5,
  approvalsPageSize: 5,
});

/** How periodic performance is rated (SPEC §3 "Rating", "Legacy numeric scores"; issue 5). */
export interface RatingPolicy {
  /** 2022 predicate rules by default; 2019 and 2011 are the legacy numeric modes. */
  mode: RatingMode;
  /** Periodic evaluation: quarterly by default, or monthly. */
  period: EvaluationPeriodKind;
  /** When realisation suggests MEETS or ABOVE (the supervisor decides; the suggestion only informs). */
  thresholds: SuggestionThresholds;
  /** The organisational result a unit is assumed to have when it has none of its own (distribution check). */
  organisationalResult: OrganisationalResult;
}

export const DEFAULT_RATING_POLICY: Readonly<RatingPolicy> = Object.freeze({
  mode: "2022",
  period: "QUARTER",
  thresholds: { ...DEFAULT_SUGGESTION_THRESHOLDS },
  organisationalResult: "BAIK",
});

/** SKP deadlines (SPEC §3: plan by 31 January, periodic evaluation closes on day 5 of the next month, annual by 31 January). */
export interface DeadlinePolicy {
  /** "MM-DD" of the year the plan is for. */
  skpPlanDue: string;
  /** Day of the month after a period by which its evaluation closes. */
  periodicCloseDay: number;
  /** "MM-DD" of the year after the one evaluated. */
  annualDue: string;
}

export const DEFAULT_DEADLINE_POLICY: Readonly<DeadlinePolicy> = Object.freeze({
  skpPlanDue: "01-31",
  periodicCloseDay: 5,
  annualDue: "01-31",
});

export const RATING_POLICY_KEY = "policy:rating";
export const DEADLINE_POLICY_KEY = "policy:deadlines";

export async function loadRatingPolicy(db: Db): Promise<RatingPolicy> {
  const row = await db.keyValue.findUnique({ where: { key: RATING_POLICY_KEY } });
  const stored = (row?.value ?? {}) as Partial<RatingPolicy>;
  return { ...DEFAULT_RATING_POLICY, ...stored, thresholds: { ...DEFAULT_RATING_POLICY.thresholds, ...stored.thresholds } };
}

export async function loadDeadlinePolicy(db: Db): Promise<DeadlinePolicy> {
  const row = await db.keyValue.findUnique({ where: { key: DEADLINE_POLICY_KEY } });
  return { ...DEFAULT_DEADLINE_POLICY, ...((row?.value ?? {}) as Partial<DeadlinePolicy>) };
}

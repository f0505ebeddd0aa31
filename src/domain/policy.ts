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

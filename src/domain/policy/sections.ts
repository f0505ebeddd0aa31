import {
  DEFAULT_SUGGESTION_THRESHOLDS,
  type OrganisationalResult,
  type RatingMode,
  type SuggestionThresholds,
} from "../../scoring/index.ts";
import type { EvaluationPeriodKind } from "../skp/periods.ts";

/**
 * Policy: the numbers docs/domain.md marks *policy*, in six sections (report, review, rating,
 * deadlines, schedule, oversight, feedback). The defaults are below; a region's own values come from `lapkin import`
 * (a file with the columns kunci,nilai) and are stored as JSON in KeyValue, one row per section
 * (`policy:<section>`), holding only the values that were set. Every stored value is checked
 * against its schema when loaded: one that is invalid is replaced by its default and reported,
 * so a bad row in the database never stops the bot.
 */

// --- the values and their defaults --------------------------------------------------------------

export interface ReportPolicy {
  /** How many working days before today a report may be dated. */
  backdateWorkingDays: number;
  /** 0 makes the evidence photo optional (docs/domain.md, "Daily reports": how many photos is policy). */
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
  /** Where a day's reports without start and end times are placed from, in the e-Kinerja export (HH:mm). */
  workdayStart: string;
  /** The e-Kinerja export lists submitted reports too, not only approved ones. */
  ekinerjaIncludeSubmitted: boolean;
  /** Evidence links stop working this many days after the report's date; 0 keeps them. */
  evidenceLinkDays: number;
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
  workdayStart: "07:30",
  ekinerjaIncludeSubmitted: false,
  evidenceLinkDays: 0,
});

/** Policy for supervisors' decisions on reports (docs/domain.md, "Review": act within 3 working days). */
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

/** How periodic performance is rated (docs/domain.md, "Rating" and "Legacy scores"). */
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

/** SKP deadlines (docs/domain.md, "SKP": plan by 31 January, periodic evaluation closes on day 5 of the next month, annual by 31 January). */
export interface DeadlinePolicy {
  /** "MM-DD" of the year the plan is for. */
  skpPlanDue: string;
  /** Day of the month after a period by which its evaluation closes (past the month's end: its last day). */
  periodicCloseDay: number;
  /** "MM-DD" of the year after the one evaluated. */
  annualDue: string;
}

export const DEFAULT_DEADLINE_POLICY: Readonly<DeadlinePolicy> = Object.freeze({
  skpPlanDue: "01-31",
  periodicCloseDay: 5,
  annualDue: "01-31",
});

/** A scheduled job's switch and local time. */
export interface JobTiming {
  enabled: boolean;
  /** Local time "HH:mm" in each unit's own time zone. */
  time: string;
}

/** Policy of the scheduled jobs (src/jobs/scheduler.ts): local times, on/off switches and thresholds. */
export interface SchedulePolicy {
  reportReminder: JobTiming;
  reportNudge: JobTiming;
  approvalDigest: JobTiming;
  skpDeadlines: JobTiming & { daysBefore: number[] };
  weeklySummary: JobTiming & { recognition: boolean };
  /** Overdue citizen complaints: reminders and the escalation (the `complaint-escalation` job). */
  complaintEscalation: JobTiming;
  /** The digest counts a report waiting more than this many working days as overdue (the review policy's 3). */
  escalateAfterWorkingDays: number;
  /** A missed run is still made up within its window; older ones are recorded SKIPPED. */
  summaryCatchUpHours: number;
  /** Local time after which a missed reminder or digest is no longer made up (recorded SKIPPED). */
  reminderCatchUpUntil: string;
  /** A summary made up at night is held from `summaryQuietFrom` until `summaryQuietUntil` (local). */
  summaryQuietFrom: string;
  summaryQuietUntil: string;
}

export const DEFAULT_SCHEDULE_POLICY: Readonly<SchedulePolicy> = Object.freeze({
  reportReminder: { enabled: true, time: "15:00" },
  reportNudge: { enabled: true, time: "16:30" },
  approvalDigest: { enabled: true, time: "08:00" },
  skpDeadlines: { enabled: true, time: "08:00", daysBefore: [7, 3, 1] },
  weeklySummary: { enabled: true, time: "16:00", recognition: true },
  complaintEscalation: { enabled: true, time: "08:00" },
  escalateAfterWorkingDays: 3,
  summaryCatchUpHours: 24,
  reminderCatchUpUntil: "18:00",
  summaryQuietFrom: "21:00",
  summaryQuietUntil: "06:00",
});

/** The assessment team's work (docs/domain.md, "Assessment team"). */
export interface OversightPolicy {
  /** How many award candidates /rekap and the Rekomendasi sheet list per period. */
  awardCandidates: number;
  /** A calibration flag still open after this many working days is listed in the team's digest. */
  flagOverdueWorkingDays: number;
  /** Local time of the digest sent to team members when a period's evaluations close. */
  digestTime: string;
}

export const DEFAULT_OVERSIGHT_POLICY: Readonly<OversightPolicy> = Object.freeze({
  awardCandidates: 3,
  flagOverdueWorkingDays: 5,
  digestTime: "08:00",
});

/** Citizen survey (SKM), complaints and peer feedback (docs/domain.md, "Citizen survey and IKM", "Complaints", "Peer feedback"). */
export interface FeedbackPolicy {
  /** Responses one Telegram account may give to one counter on one local day. */
  surveyPerCounterPerDay: number;
  /** Responses one Telegram account may give on one day, all counters together. */
  surveyPerDay: number;
  /** This many first-time respondents to one counter within `burstMinutes` flags the responses (never blocks). */
  burstResponses: number;
  burstMinutes: number;
  /** Below this many respondents an IKM is shown as "belum representatif". */
  ikmMinRespondents: number;
  /** Working days a complaint may wait for its follow-up (SP4N-LAPOR practice) before the head is reminded and escalated. */
  complaintFollowUpWorkingDays: number;
  /** Peer feedback on BerAKHLAK (docs/domain.md, "Peer feedback"). */
  peer: PeerFeedbackPolicy;
}

/** Peer feedback: the scheduled round, how many colleagues, and what anonymity requires. */
export interface PeerFeedbackPolicy extends JobTiming {
  /** The round opens in the last this many days of each evaluation period. */
  windowDays: number;
  /** Colleagues each employee is asked to give feedback to per period. */
  colleagues: number;
  /** Aggregates (and notes) are shown only from this many distinct colleagues; never below 3. */
  minRespondents: number;
  /** The rated employee sees the notes too (verbatim), not only the supervisor. */
  notesToEmployee: boolean;
  /** An employee may also rate their own direct supervisor (upward feedback). */
  upwardFeedback: boolean;
}

export const DEFAULT_FEEDBACK_POLICY: Readonly<FeedbackPolicy> = Object.freeze({
  surveyPerCounterPerDay: 1,
  surveyPerDay: 10,
  burstResponses: 10,
  burstMinutes: 10,
  ikmMinRespondents: 30,
  complaintFollowUpWorkingDays: 5,
  peer: {
    enabled: true,
    time: "08:00",
    windowDays: 10,
    colleagues: 5,
    minRespondents: 3,
    notesToEmployee: false,
    upwardFeedback: false,
  },
});

/** Every section of the policy in force. */
export interface Policies {
  report: ReportPolicy;
  review: ReviewPolicy;
  rating: RatingPolicy;
  deadlines: DeadlinePolicy;
  schedule: SchedulePolicy;
  oversight: OversightPolicy;
  feedback: FeedbackPolicy;
}
export type PolicySection = keyof Policies;

export const DEFAULTS: { readonly [S in PolicySection]: Readonly<Policies[S]> } = {
  report: DEFAULT_POLICY,
  review: DEFAULT_REVIEW_POLICY,
  rating: DEFAULT_RATING_POLICY,
  deadlines: DEFAULT_DEADLINE_POLICY,
  schedule: DEFAULT_SCHEDULE_POLICY,
  oversight: DEFAULT_OVERSIGHT_POLICY,
  feedback: DEFAULT_FEEDBACK_POLICY,
};

/** The KeyValue row a section is stored in. */
export const policyStorageKey = (section: PolicySection) => `policy:${section}`;

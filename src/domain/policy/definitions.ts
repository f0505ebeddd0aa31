import { ORGANISATIONAL_RESULTS, RATING_MODES } from "../../scoring/index.ts";
import type { EvaluationPeriodKind } from "../skp/periods.ts";
import { daysList, localTime, monthDay, oneOf, percent, whole, yesNo, type PolicyField } from "./fields.ts";
import type { Policies, PolicySection } from "./sections.ts";

// --- the section definitions: each value's field, and the rules between them -------------------

/** Where a policy value sits in its section: "thresholds.meetsMinPercent". */
type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string | number | boolean | readonly unknown[]
    ? `${P}${K}`
    : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
type At<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? At<T[H], R>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** Values of one section that must agree with each other, checked once the section is merged. */
interface Rule<T> {
  /** The first must not be more than the second (`strict`: must be less). */
  ordered: [Paths<T>, Paths<T>];
  strict?: boolean;
}

interface SectionSpec<T> {
  /** Every value of the section, by its path: the types make a missing or misspelt one a compile error. */
  fields: { [P in Paths<T>]: PolicyField<At<T, P>> };
  rules: Rule<T>[];
}

export const SECTIONS: { [S in PolicySection]: SectionSpec<Policies[S]> } = {
  report: {
    fields: {
      backdateWorkingDays: whole(0, 20),
      minPhotos: whole(0, 10),
      // An album holds at most 10 photos.
      maxPhotos: whole(1, 10),
      allowAdditionalTask: yesNo,
      // A bot can download files of up to 20 MB.
      maxPhotoBytes: whole(1024 * 1024, 20 * 1024 * 1024),
      idleMinutes: whole(5, 1440),
      maxMinutesPerEntry: whole(1, 1440),
      confirmMinutesPerDay: whole(1, 1440),
      descriptionMinChars: whole(0, 1000),
      // A Telegram message holds 4,096 characters; the review card and /riwayat repeat the
      // description beside a supervisor's note of up to 1,000.
      descriptionMaxChars: whole(10, 2500),
      // 07:30 by regulation; a region sets 08:00 for Ramadan (the calendar has no Ramadan hours).
      workdayStart: localTime,
      ekinerjaIncludeSubmitted: yesNo,
      evidenceLinkDays: whole(0, 3650),
    },
    rules: [{ ordered: ["minPhotos", "maxPhotos"] }, { ordered: ["descriptionMinChars", "descriptionMaxChars"] }],
  },
  review: {
    fields: {
      reviewReminderWorkingDays: whole(1, 30),
      reviewEscalationWorkingDays: whole(1, 60),
      approvalsPageSize: whole(1, 20),
    },
    rules: [{ ordered: ["reviewReminderWorkingDays", "reviewEscalationWorkingDays"] }],
  },
  rating: {
    fields: {
      mode: oneOf(RATING_MODES),
      period: oneOf<EvaluationPeriodKind>(["QUARTER", "MONTH"], {
        quarterly: "QUARTER",
        triwulan: "QUARTER",
        triwulanan: "QUARTER",
        monthly: "MONTH",
        bulanan: "MONTH",
      }),
      "thresholds.meetsMinPercent": percent,
      "thresholds.aboveAveragePercent": percent,
      organisationalResult: oneOf(ORGANISATIONAL_RESULTS),
    },
    rules: [{ ordered: ["thresholds.meetsMinPercent", "thresholds.aboveAveragePercent"] }],
  },
  deadlines: {
    fields: { skpPlanDue: monthDay, periodicCloseDay: whole(1, 31), annualDue: monthDay },
    rules: [],
  },
  schedule: {
    fields: {
      "reportReminder.enabled": yesNo,
      "reportReminder.time": localTime,
      "reportNudge.enabled": yesNo,
      "reportNudge.time": localTime,
      "approvalDigest.enabled": yesNo,
      "approvalDigest.time": localTime,
      "skpDeadlines.enabled": yesNo,
      "skpDeadlines.time": localTime,
      "skpDeadlines.daysBefore": daysList,
      "weeklySummary.enabled": yesNo,
      "weeklySummary.time": localTime,
      "weeklySummary.recognition": yesNo,
      "complaintEscalation.enabled": yesNo,
      "complaintEscalation.time": localTime,
      escalateAfterWorkingDays: whole(1, 30),
      // The scheduler looks back 7 days for missed runs.
      summaryCatchUpHours: whole(1, 168),
      reminderCatchUpUntil: localTime,
      summaryQuietFrom: localTime,
      summaryQuietUntil: localTime,
    },
    // The nudge is for those still without a report after the reminder.
    rules: [{ ordered: ["reportReminder.time", "reportNudge.time"], strict: true }],
  },
  oversight: {
    fields: { awardCandidates: whole(1, 50), flagOverdueWorkingDays: whole(1, 60), digestTime: localTime },
    rules: [],
  },
  feedback: {
    fields: {
      surveyPerCounterPerDay: whole(1, 10),
      surveyPerDay: whole(1, 100),
      burstResponses: whole(2, 1000),
      burstMinutes: whole(1, 1440),
      ikmMinRespondents: whole(1, 10000),
      complaintFollowUpWorkingDays: whole(1, 60),
      "peer.enabled": yesNo,
      "peer.time": localTime,
      "peer.windowDays": whole(1, 31),
      "peer.colleagues": whole(1, 20),
      // Fewer than 3 answers would let the rated employee guess who said what.
      "peer.minRespondents": whole(3, 50),
      "peer.notesToEmployee": yesNo,
      "peer.upwardFeedback": yesNo,
    },
    rules: [{ ordered: ["surveyPerCounterPerDay", "surveyPerDay"] }],
  },
};

/** The sections, in the order they are defined. */
export const POLICY_SECTIONS = Object.keys(SECTIONS) as PolicySection[];

// The survey's path (docs/domain.md, "Citizen survey and IKM"): nine elements in order, or the
// overall-only shortcut, then an optional comment, then whether it is a complaint.
import { SKM_ELEMENTS, type SkmScore } from "../../scoring/index.ts";

export const ELEMENT_STEPS = ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"] as const;
export const STEPS = [...ELEMENT_STEPS, "overall", "comment", "complaint", "done"] as const;
export type Step = (typeof STEPS)[number];

export type SurveyAction =
  | { kind: "score"; score: SkmScore }
  | { kind: "overall-only" }
  | { kind: "comment"; text: string }
  | { kind: "skip-comment" }
  | { kind: "complaint"; complaint: boolean };

/** Longest comment kept; a longer one is refused with a word, not cut. */
export const COMMENT_MAX_CHARS = 1000;

/** The step after `step` when `action` is taken there, or null when the action does not belong there. */
export function nextStep(step: Step, action: SurveyAction): Step | null {
  const element = ELEMENT_STEPS.indexOf(step as (typeof ELEMENT_STEPS)[number]);
  if (action.kind === "overall-only") return step === "e1" ? "overall" : null;
  if (action.kind === "score") {
    if (step === "overall" || step === "e9") return "comment";
    return element >= 0 ? ELEMENT_STEPS[element + 1]! : null;
  }
  if (action.kind === "comment" || action.kind === "skip-comment") return step === "comment" ? "complaint" : null;
  return step === "complaint" ? "done" : null;
}

/** The column an answer at `step` is stored in. */
export function scoreColumn(step: Step): `s${number}` | "overall" | null {
  if (step === "overall") return "overall";
  const element = ELEMENT_STEPS.indexOf(step as (typeof ELEMENT_STEPS)[number]);
  return element >= 0 ? `s${element + 1}` : null;
}

/** The SKM element asked at `step`, with its 1-based number, or null. */
export function elementAt(step: Step): { element: (typeof SKM_ELEMENTS)[number]; number: number } | null {
  const index = ELEMENT_STEPS.indexOf(step as (typeof ELEMENT_STEPS)[number]);
  return index >= 0 ? { element: SKM_ELEMENTS[index]!, number: index + 1 } : null;
}

export const isStep = (value: string): value is Step => (STEPS as readonly string[]).includes(value);

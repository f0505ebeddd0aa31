import { describe, expect, it } from "vitest";
import { BERAKHLAK_VALUES, behaviourRating, peerScore, summarisePeerFeedback } from "../../src/scoring/index.ts";
import type { BerakhlakValue, PeerFeedbackItem, Rating } from "../../src/scoring/index.ts";

/** Rates the first values of BERAKHLAK_VALUES with the given ratings, in order. */
const perValue = (...ratings: Rating[]): Partial<Record<BerakhlakValue, Rating>> =>
  Object.fromEntries(ratings.map((r, i) => [BERAKHLAK_VALUES[i], r]));

describe("BerAKHLAK values", () => {
  it("are the seven core values", () => {
    expect(BERAKHLAK_VALUES).toEqual([
      "BERORIENTASI_PELAYANAN",
      "AKUNTABEL",
      "KOMPETEN",
      "HARMONIS",
      "LOYAL",
      "ADAPTIF",
      "KOLABORATIF",
    ]);
  });
});

describe("behaviourRating", () => {
  it.each<[string, Parameters<typeof behaviourRating>[0], Rating | null]>([
    [
      "the supervisor's overall rating wins over per-value ratings",
      { overall: "BELOW", perValue: perValue("ABOVE", "ABOVE") },
      "BELOW",
    ],
    ["an overall rating alone is used as is", { overall: "ABOVE" }, "ABOVE"],
    ["all seven values above → above", { perValue: perValue(...Array<Rating>(7).fill("ABOVE")) }, "ABOVE"],
    [
      "4 above, 3 meets (mean 2.57) → above",
      { perValue: perValue("ABOVE", "ABOVE", "ABOVE", "ABOVE", "MEETS", "MEETS", "MEETS") },
      "ABOVE",
    ],
    ["1 above, 1 meets (mean exactly 2.5) rounds toward meets", { perValue: perValue("ABOVE", "MEETS") }, "MEETS"],
    ["1 below, 1 meets (mean exactly 1.5) rounds toward meets", { perValue: perValue("BELOW", "MEETS") }, "MEETS"],
    ["1 above, 1 below (mean 2) → meets", { perValue: perValue("ABOVE", "BELOW") }, "MEETS"],
    ["2 below, 1 meets (mean 1.33) → below", { perValue: perValue("BELOW", "BELOW", "MEETS") }, "BELOW"],
    [
      "1 below among 6 meets (mean 1.86) → meets",
      { perValue: perValue("BELOW", ...Array<Rating>(6).fill("MEETS")) },
      "MEETS",
    ],
    ["all values below → below", { perValue: perValue(...Array<Rating>(7).fill("BELOW")) }, "BELOW"],
    ["nothing rated yet gives no rating", {}, null],
    ["an empty per-value record gives no rating", { perValue: {} }, null],
  ])("%s", (_behaviour, input, expected) => {
    expect(behaviourRating(input)).toBe(expected);
  });
});

describe("summarisePeerFeedback", () => {
  const item = (giverId: PeerFeedbackItem["giverId"], value: BerakhlakValue, rating: Rating): PeerFeedbackItem => ({
    giverId,
    value,
    rating,
  });

  it.each<[string, PeerFeedbackItem[], number, boolean]>([
    ["no feedback is hidden", [], 3, false],
    [
      "two peers are hidden (below the default three)",
      [item(1, "LOYAL", "ABOVE"), item(2, "LOYAL", "MEETS")],
      3,
      false,
    ],
    [
      "many items from only two peers are still hidden",
      [item(1, "LOYAL", "ABOVE"), item(1, "ADAPTIF", "ABOVE"), item(2, "LOYAL", "MEETS"), item(2, "KOMPETEN", "BELOW")],
      3,
      false,
    ],
    [
      "three peers are shown",
      [item(1, "LOYAL", "ABOVE"), item(2, "LOYAL", "MEETS"), item(3, "LOYAL", "MEETS")],
      3,
      true,
    ],
    ["a configured threshold of 5 hides four peers", [1, 2, 3, 4].map((g) => item(g, "LOYAL", "MEETS")), 5, false],
    ["a configured threshold of 1 shows a single peer", [item(1, "LOYAL", "MEETS")], 1, true],
    [
      "Telegram-sized bigint ids count as distinct peers",
      [
        item(9007199254740993n, "LOYAL", "MEETS"),
        item(9007199254740995n, "LOYAL", "MEETS"),
        item(9007199254740997n, "LOYAL", "MEETS"),
      ],
      3,
      true,
    ],
  ])("%s", (_behaviour, items, minRespondents, shown) => {
    const summary = summarisePeerFeedback(items, minRespondents);
    expect(summary !== null).toBe(shown);
  });

  it("counts ratings per value and distinct respondents, without giver ids", () => {
    const summary = summarisePeerFeedback([
      item("a", "LOYAL", "ABOVE"),
      item("a", "AKUNTABEL", "MEETS"),
      item("b", "LOYAL", "ABOVE"),
      item("c", "LOYAL", "BELOW"),
      item("c", "AKUNTABEL", "MEETS"),
    ]);
    expect(summary?.respondents).toBe(3);
    expect(summary?.perValue.LOYAL).toEqual({ ABOVE: 2, MEETS: 0, BELOW: 1 });
    expect(summary?.perValue.AKUNTABEL).toEqual({ ABOVE: 0, MEETS: 2, BELOW: 0 });
    expect(summary?.perValue.KOLABORATIF).toEqual({ ABOVE: 0, MEETS: 0, BELOW: 0 });
    expect(JSON.stringify(summary)).not.toMatch(/"a"|"b"|"c"|giver/);
  });
});

describe("peerScore: the colleagues' ratings as one number for ranking awards", () => {
  const three = (ratings: Array<[BerakhlakValue, Rating]>) =>
    summarisePeerFeedback(
      [1, 2, 3].flatMap((giverId) => ratings.map(([value, rating]) => ({ giverId, value, rating }))),
    )!;

  it.each<[string, Array<[BerakhlakValue, Rating]>, number]>([
    [
      "all above expectations is 3",
      [
        ["LOYAL", "ABOVE"],
        ["ADAPTIF", "ABOVE"],
      ],
      3,
    ],
    ["all as expected is 2", [["LOYAL", "MEETS"]], 2],
    ["all below is 1", [["KOMPETEN", "BELOW"]], 1],
    [
      "the mean over every value given, to 2 decimals",
      [
        ["LOYAL", "ABOVE"],
        ["ADAPTIF", "MEETS"],
        ["KOMPETEN", "MEETS"],
      ],
      2.33,
    ],
  ])("%s", (_behaviour, ratings, score) => {
    expect(peerScore(three(ratings))).toBe(score);
  });
});

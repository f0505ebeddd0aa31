import { formatLocalDate } from "../../lib/time.ts";
import type { Translate } from "../../lib/i18n.ts";
import type { Period } from "./periods.ts";

/** "Triwulan 3 2026", "Oktober 2026" or "Tahunan 2026" (and their English), for any evaluation period. */
export function periodLabel(t: Translate, period: Pick<Period, "code" | "year" | "from">, locale = "id"): string {
  if (period.code === "YEAR") return t("evaluation-period-year", { year: String(period.year) });
  if (period.code.startsWith("Q"))
    return t("skp-period-quarter", { quarter: period.code.slice(1), year: String(period.year) });
  return formatLocalDate(period.from, locale).replace(/^1 /, "");
}

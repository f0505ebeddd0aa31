import type { Db } from "../../db/client.ts";
import { isStep, type Step } from "./steps.ts";

/** Where a response stands, with what its messages show. */
export interface SurveyState {
  id: bigint;
  step: Step;
  counterName: string;
  unitName: string;
  locale: string;
}

export async function loadSurveyState(db: Pick<Db, "$queryRaw">, id: bigint): Promise<SurveyState> {
  const rows = await db.$queryRaw<(Omit<SurveyState, "step"> & { step: string })[]>`
    SELECT r."id", r."step", r."locale", c."name" AS "counterName", u."name" AS "unitName"
    FROM "SurveyResponse" r JOIN "ServiceCounter" c ON c."id" = r."counterId" JOIN "Unit" u ON u."id" = c."unitId"
    WHERE r."id" = ${id}`;
  const row = rows[0];
  if (!row || !isStep(row.step)) throw new Error(`survey response ${id} not found`);
  return { ...row, step: row.step };
}

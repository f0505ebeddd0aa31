import type { Db } from "../../db/client.ts";
import type { Locale } from "../../lib/i18n.ts";
import { enqueueCommandMenus } from "./command-menu.ts";

/**
 * The language is stored on the employee, so every device and every message follows it; their chat's
 * command menu follows it too (queued with the change).
 */
export async function setEmployeeLanguage(db: Db, employeeId: number, language: Locale, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.employee.update({ where: { id: employeeId }, data: { language } });
    await enqueueCommandMenus(tx, { now, employeeIds: [employeeId] });
  });
}

import type { Db } from "../../db/client.ts";
import type { Locale } from "../../lib/i18n.ts";

/** The language is stored on the employee, so every device and every message follows it. */
export async function setEmployeeLanguage(db: Db, employeeId: number, language: Locale): Promise<void> {
  await db.employee.update({ where: { id: employeeId }, data: { language } });
}

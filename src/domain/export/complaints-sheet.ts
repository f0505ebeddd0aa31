import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { ExportScope } from "./scope.ts";
import {
  dateTimeColumn,
  localTimeSql,
  wallTime,
  writeSheet,
  ZONE_COLUMN,
  type Columns,
  type WorkbookWriter,
} from "./sheet.ts";
import { zoneName } from "../../lib/time.ts";

const COLUMNS: Columns = [
  { header: "No. pengaduan", key: "number", width: 18 },
  { header: "Unit", key: "unit", width: 32 },
  { header: "Layanan", key: "counter", width: 28 },
  dateTimeColumn("Diterima", "received"),
  { header: "Status", key: "status", width: 16 },
  dateTimeColumn("Batas tindak lanjut", "due"),
  dateTimeColumn("Ditindaklanjuti", "followedUp"),
  dateTimeColumn("Selesai", "closed"),
  ZONE_COLUMN,
];

const STATUS: Record<string, string> = { OPEN: "Baru", FOLLOWED_UP: "Ditindaklanjuti", DONE: "Selesai" };

/** The Pengaduan sheet: complaints received in the period. Nothing the citizen wrote, nothing that names them. */
export async function writeComplaints(db: Db, workbook: WorkbookWriter, scope: ExportScope): Promise<number> {
  const rows = await db.$queryRaw<
    {
      number: string;
      unit: string;
      counter: string;
      timeZone: string;
      status: string;
      received: string;
      due: string;
      followedUp: string | null;
      closed: string | null;
    }[]
  >`
    SELECT k."number", u."name" AS "unit", c."name" AS "counter", u."timeZone", k."status"::text AS "status",
           ${localTimeSql('k."receivedAt"')} AS "received", ${localTimeSql('k."followUpDue"')} AS "due",
           ${localTimeSql('k."followedUpAt"')} AS "followedUp", ${localTimeSql('k."closedAt"')} AS "closed"
    FROM "Complaint" k JOIN "Unit" u ON u."id" = k."unitId" JOIN "ServiceCounter" c ON c."id" = k."counterId"
    WHERE (k."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE u."timeZone")::date BETWEEN ${scope.period.from}::date AND ${scope.period.to}::date
      ${scope.unitIds ? Prisma.sql`AND u."id" = ANY(${scope.unitIds}::int[])` : Prisma.empty}
    ORDER BY k."receivedAt", k."id"`;
  return writeSheet(workbook, "Pengaduan", COLUMNS, rows, (r) => ({
    number: r.number,
    unit: r.unit,
    counter: r.counter,
    received: wallTime(r.received),
    status: STATUS[r.status] ?? r.status,
    due: wallTime(r.due),
    followedUp: wallTime(r.followedUp),
    closed: wallTime(r.closed),
    zone: zoneName(r.timeZone),
  }));
}

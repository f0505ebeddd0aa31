-- e-Kinerja's daily progress: start and end times, the rencana aksi, evidence links.

-- AlterTable
ALTER TABLE "SkpIndicator" ADD COLUMN "actionPlans" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Report" ADD COLUMN "startMinute" INTEGER,
ADD COLUMN "endMinute" INTEGER,
ADD COLUMN "actionPlan" TEXT,
ADD COLUMN "evidenceLinkHash" TEXT,
ADD COLUMN "evidenceLinkRevokedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Report_evidenceLinkHash_key" ON "Report"("evidenceLinkHash");

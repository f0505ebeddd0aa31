-- Assessment team scope, continuous feedback and calibration flags.

-- CreateEnum
CREATE TYPE "FlagStatus" AS ENUM ('OPEN', 'KEPT', 'AMENDING', 'AMENDED', 'CLOSED');

-- AlterTable
ALTER TABLE "Employee" ADD COLUMN "assessorUnits" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "FeedbackNote" (
    "id" SERIAL NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "supervisorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationFlag" (
    "id" SERIAL NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "FlagStatus" NOT NULL DEFAULT 'OPEN',
    "justification" TEXT,
    "before" JSONB,
    "after" JSONB,
    "answeredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalibrationFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FeedbackNote_employeeId_year_period_idx" ON "FeedbackNote"("employeeId", "year", "period");

-- CreateIndex
CREATE INDEX "CalibrationFlag_evaluationId_idx" ON "CalibrationFlag"("evaluationId");

-- CreateIndex
CREATE INDEX "CalibrationFlag_status_createdAt_idx" ON "CalibrationFlag"("status", "createdAt");

-- At most one unanswered-or-unclosed flag per evaluation: a second press of "flag" is a no-op.
CREATE UNIQUE INDEX "CalibrationFlag_one_open" ON "CalibrationFlag"("evaluationId") WHERE "status" <> 'CLOSED';

-- AddForeignKey
ALTER TABLE "FeedbackNote" ADD CONSTRAINT "FeedbackNote_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackNote" ADD CONSTRAINT "FeedbackNote_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationFlag" ADD CONSTRAINT "CalibrationFlag_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationFlag" ADD CONSTRAINT "CalibrationFlag_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

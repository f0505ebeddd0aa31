-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('DRAFT', 'FINALISED');

-- CreateEnum
CREATE TYPE "Predicate" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "OrganisationalResult" AS ENUM ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "organisationalResult" "OrganisationalResult";

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" SERIAL NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "mode" TEXT NOT NULL DEFAULT '2022',
    "status" "EvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "evaluatorId" INTEGER,
    "evaluatorTelegramId" BIGINT,
    "actingAs" "ReviewerRole",
    "suggestedResults" "ReviewRating",
    "resultsRating" "ReviewRating",
    "behaviourRating" "ReviewRating",
    "behaviourValues" JSONB,
    "behaviourScore" DECIMAL(6,2),
    "skpScore" DECIMAL(6,2),
    "finalScore" DECIMAL(6,2),
    "band" TEXT,
    "predicate" "Predicate",
    "feedback" TEXT,
    "realisation" JSONB,
    "amendedFrom" JSONB,
    "finalisedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_employeeId_year_period_key" ON "Evaluation"("employeeId", "year", "period");

-- CreateIndex
CREATE INDEX "Evaluation_evaluatorId_idx" ON "Evaluation"("evaluatorId");

-- CreateIndex
CREATE INDEX "Evaluation_year_period_status_idx" ON "Evaluation"("year", "period", "status");

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Service counters, the citizen survey (SKM) and complaints.

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('OPEN', 'FOLLOWED_UP', 'DONE');

-- CreateTable
CREATE TABLE "ServiceCounter" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "publicCode" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ServiceCounter_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ServiceCounter_code_key" ON "ServiceCounter"("code");
CREATE UNIQUE INDEX "ServiceCounter_publicCode_key" ON "ServiceCounter"("publicCode");
CREATE INDEX "ServiceCounter_unitId_idx" ON "ServiceCounter"("unitId");

-- CreateTable
CREATE TABLE "ServiceCounterStaff" (
    "counterId" INTEGER NOT NULL,
    "employeeId" INTEGER NOT NULL,
    CONSTRAINT "ServiceCounterStaff_pkey" PRIMARY KEY ("counterId","employeeId")
);
CREATE INDEX "ServiceCounterStaff_employeeId_idx" ON "ServiceCounterStaff"("employeeId");
ALTER TABLE "ServiceCounterStaff" ADD CONSTRAINT "ServiceCounterStaff_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "ServiceCounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" BIGSERIAL NOT NULL,
    "counterId" INTEGER NOT NULL,
    "respondentHash" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "step" TEXT NOT NULL,
    "s1" SMALLINT,
    "s2" SMALLINT,
    "s3" SMALLINT,
    "s4" SMALLINT,
    "s5" SMALLINT,
    "s6" SMALLINT,
    "s7" SMALLINT,
    "s8" SMALLINT,
    "s9" SMALLINT,
    "overall" SMALLINT,
    "comment" TEXT,
    "complaint" BOOLEAN NOT NULL DEFAULT false,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SurveyResponse_counterId_respondentHash_day_seq_key" ON "SurveyResponse"("counterId", "respondentHash", "day", "seq");
CREATE INDEX "SurveyResponse_respondentHash_day_idx" ON "SurveyResponse"("respondentHash", "day");
CREATE INDEX "SurveyResponse_counterId_createdAt_idx" ON "SurveyResponse"("counterId", "createdAt");
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "ServiceCounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "responseId" BIGINT NOT NULL,
    "counterId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'OPEN',
    "citizenChatId" BIGINT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "followUpDue" TIMESTAMP(3) NOT NULL,
    "followUpNote" TEXT,
    "followedUpAt" TIMESTAMP(3),
    "followedUpBy" INTEGER,
    "closedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Complaint_number_key" ON "Complaint"("number");
CREATE UNIQUE INDEX "Complaint_responseId_key" ON "Complaint"("responseId");
CREATE INDEX "Complaint_unitId_receivedAt_idx" ON "Complaint"("unitId", "receivedAt");
CREATE INDEX "Complaint_status_followUpDue_idx" ON "Complaint"("status", "followUpDue");

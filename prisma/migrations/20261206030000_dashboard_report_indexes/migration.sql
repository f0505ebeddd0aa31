-- The dashboard's unit page and city overview read reports by a range of days, decisions by a range
-- of decidedAt and the waiting (SUBMITTED) ones over every unit: without these, each is a scan of
-- every report the city ever sent.

-- CreateIndex
CREATE INDEX "Report_date_idx" ON "Report"("date");

-- CreateIndex
CREATE INDEX "Report_decidedAt_idx" ON "Report"("decidedAt");

-- CreateIndex
CREATE INDEX "Report_status_submittedAt_idx" ON "Report"("status", "submittedAt");

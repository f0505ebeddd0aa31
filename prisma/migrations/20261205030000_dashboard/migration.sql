-- CreateTable
CREATE TABLE "DashboardLogin" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardLogin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardSession" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardLoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "succeeded" BOOLEAN NOT NULL,

    CONSTRAINT "DashboardLoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DashboardLogin_tokenHash_key" ON "DashboardLogin"("tokenHash");
CREATE INDEX "DashboardLogin_employeeId_idx" ON "DashboardLogin"("employeeId");
CREATE UNIQUE INDEX "DashboardSession_tokenHash_key" ON "DashboardSession"("tokenHash");
CREATE INDEX "DashboardSession_employeeId_idx" ON "DashboardSession"("employeeId");
CREATE INDEX "DashboardLoginAttempt_ip_at_idx" ON "DashboardLoginAttempt"("ip", "at");

-- AddForeignKey
ALTER TABLE "DashboardLogin" ADD CONSTRAINT "DashboardLogin_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DashboardSession" ADD CONSTRAINT "DashboardSession_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

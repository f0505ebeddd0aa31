-- Peer feedback on BerAKHLAK: requests (giver, receiver, period) and their answers per value;
-- the 2019 mode's peer-input flag on the evaluation.

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN "peerInput" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PeerRequest" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "giverId" INTEGER NOT NULL,
    "receiverId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "note" TEXT,
    CONSTRAINT "PeerRequest_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PeerRequest_year_period_giverId_receiverId_key" ON "PeerRequest"("year", "period", "giverId", "receiverId");
CREATE INDEX "PeerRequest_year_period_receiverId_idx" ON "PeerRequest"("year", "period", "receiverId");

-- CreateTable
CREATE TABLE "PeerAnswer" (
    "requestId" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "rating" "ReviewRating",
    CONSTRAINT "PeerAnswer_pkey" PRIMARY KEY ("requestId","value")
);
ALTER TABLE "PeerAnswer" ADD CONSTRAINT "PeerAnswer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PeerRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

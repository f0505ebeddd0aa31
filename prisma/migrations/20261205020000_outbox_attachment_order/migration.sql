-- A file a message uploads travels with its row (no instance's local path), and rows of one
-- group (a report's album, card and later edits) are sent in their order.
ALTER TABLE "Outbox" ADD COLUMN "attachment" BYTEA;
ALTER TABLE "Outbox" ADD COLUMN "orderGroup" TEXT;

-- The claim's "an earlier row of this group is still PENDING" look-up.
CREATE INDEX "Outbox_orderGroup_id_idx" ON "Outbox"("orderGroup", "id");

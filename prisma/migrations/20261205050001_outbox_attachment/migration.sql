-- A file sent with an outbox row (a generated XLSX): the payload names it as { "attachment": "<file name>" }.
-- IF NOT EXISTS: another branch adds the same column in the same shape.

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN IF NOT EXISTS "attachment" BYTEA;

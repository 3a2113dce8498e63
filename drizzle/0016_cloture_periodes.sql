-- A period's closing day for PRONOTE (issue #40): PRONOTE reads a period's validated bilans
-- until then — councils are held after a term's last day. Existing periods close three weeks
-- after their last day, as new ones do by default.
ALTER TABLE "periodes" ADD COLUMN "cloture" date;--> statement-breakpoint
UPDATE "periodes" SET "cloture" = "fin" + 21;--> statement-breakpoint
ALTER TABLE "periodes" ALTER COLUMN "cloture" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "periodes" ADD CONSTRAINT "periodes_cloture_check" CHECK ("periodes"."cloture" >= "periodes"."fin");

CREATE TABLE "pronote_bilans_lus" (
	"bilan_id" uuid PRIMARY KEY NOT NULL,
	"derniere_lecture" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pronote_jetons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"libelle" text NOT NULL,
	"hash" text NOT NULL,
	"prefixe" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"revoque_le" timestamp with time zone,
	"dernier_usage_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pronote_lectures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jeton_id" uuid NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"periode_id" uuid,
	"nombre_bilans" integer NOT NULL,
	"lu_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pronote_bilans_lus" ADD CONSTRAINT "pronote_bilans_lus_bilan_id_bilans_id_fk" FOREIGN KEY ("bilan_id") REFERENCES "public"."bilans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pronote_jetons" ADD CONSTRAINT "pronote_jetons_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pronote_lectures" ADD CONSTRAINT "pronote_lectures_jeton_id_pronote_jetons_id_fk" FOREIGN KEY ("jeton_id") REFERENCES "public"."pronote_jetons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pronote_lectures" ADD CONSTRAINT "pronote_lectures_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pronote_lectures" ADD CONSTRAINT "pronote_lectures_periode_id_periodes_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."periodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pronote_jetons_hash_key" ON "pronote_jetons" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "pronote_jetons_etablissement_idx" ON "pronote_jetons" USING btree ("etablissement_id");--> statement-breakpoint
CREATE INDEX "pronote_lectures_jeton_idx" ON "pronote_lectures" USING btree ("jeton_id","lu_le");
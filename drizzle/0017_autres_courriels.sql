-- Other e-mails of an account, as a teachers' CSV gives them (issue #40): a teacher whose address
-- changed is linked by the administrator to their account, whose own e-mail (the sign-in) never
-- changes; later imports recognise the line by it.
CREATE TABLE "autres_courriels" (
	"courriel" text PRIMARY KEY NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"lie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autres_courriels_courriel_check" CHECK (length("autres_courriels"."courriel") between 3 and 254)
);
--> statement-breakpoint
ALTER TABLE "autres_courriels" ADD CONSTRAINT "autres_courriels_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "autres_courriels_utilisateur_idx" ON "autres_courriels" USING btree ("utilisateur_id");
CREATE TYPE "public"."trace_action" AS ENUM('consultation', 'pdf_bilan', 'pdf_classe', 'export_pronote');--> statement-breakpoint
CREATE TABLE "connexion_echecs" (
	"cle" text PRIMARY KEY NOT NULL,
	"echecs" integer NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"verrouille_jusqu_a" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "traces_acces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"utilisateur_id" uuid,
	"jeton_id" uuid,
	"action" "trace_action" NOT NULL,
	"route" text NOT NULL,
	"apprenant_id" uuid,
	"bilan_id" uuid,
	"classe_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "traces_acces_auteur_check" CHECK (("traces_acces"."utilisateur_id" is null) <> ("traces_acces"."jeton_id" is null))
);
--> statement-breakpoint
ALTER TABLE "traces_acces" ADD CONSTRAINT "traces_acces_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traces_acces" ADD CONSTRAINT "traces_acces_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traces_acces" ADD CONSTRAINT "traces_acces_jeton_id_pronote_jetons_id_fk" FOREIGN KEY ("jeton_id") REFERENCES "public"."pronote_jetons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traces_acces" ADD CONSTRAINT "traces_acces_apprenant_id_apprenants_id_fk" FOREIGN KEY ("apprenant_id") REFERENCES "public"."apprenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traces_acces" ADD CONSTRAINT "traces_acces_bilan_id_bilans_id_fk" FOREIGN KEY ("bilan_id") REFERENCES "public"."bilans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traces_acces" ADD CONSTRAINT "traces_acces_classe_id_classes_id_fk" FOREIGN KEY ("classe_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "traces_acces_cree_le_idx" ON "traces_acces" USING btree ("cree_le");--> statement-breakpoint
CREATE INDEX "traces_acces_apprenant_idx" ON "traces_acces" USING btree ("apprenant_id","cree_le");--> statement-breakpoint
-- Revocable sessions: whatever program deactivates an account or changes its password,
-- every session opened before stops working at its next request (session.ts compares
-- the version carried by the JWT with this one).
CREATE OR REPLACE FUNCTION revoquer_sessions_utilisateur() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.actif AND NOT NEW.actif)
     OR NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER utilisateurs_revocation_sessions BEFORE UPDATE ON utilisateurs
  FOR EACH ROW EXECUTE FUNCTION revoquer_sessions_utilisateur();

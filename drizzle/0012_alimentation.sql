CREATE TABLE "ecritures_alimentation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"jeton_id" uuid,
	"auteur" text NOT NULL,
	"source" text NOT NULL,
	"bilan_id" uuid,
	"statut" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources_bilans" (
	"etablissement_id" uuid NOT NULL,
	"source" text NOT NULL,
	"bilan_id" uuid NOT NULL,
	"empreinte" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_bilans_etablissement_id_source_pk" PRIMARY KEY("etablissement_id","source")
);
--> statement-breakpoint
ALTER TABLE "traces_acces" DROP CONSTRAINT "traces_acces_bilan_id_bilans_id_fk";
--> statement-breakpoint
ALTER TABLE "pronote_jetons" ADD COLUMN "nature" text DEFAULT 'pronote' NOT NULL;--> statement-breakpoint
ALTER TABLE "ecritures_alimentation" ADD CONSTRAINT "ecritures_alimentation_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecritures_alimentation" ADD CONSTRAINT "ecritures_alimentation_jeton_id_pronote_jetons_id_fk" FOREIGN KEY ("jeton_id") REFERENCES "public"."pronote_jetons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources_bilans" ADD CONSTRAINT "sources_bilans_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources_bilans" ADD CONSTRAINT "sources_bilans_bilan_id_bilans_id_fk" FOREIGN KEY ("bilan_id") REFERENCES "public"."bilans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ecritures_alimentation_etablissement_idx" ON "ecritures_alimentation" USING btree ("etablissement_id","cree_le");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_bilans_bilan_key" ON "sources_bilans" USING btree ("bilan_id");--> statement-breakpoint
ALTER TABLE "pronote_jetons" ADD CONSTRAINT "pronote_jetons_nature_check" CHECK ("pronote_jetons"."nature" in ('pronote', 'alimentation'));--> statement-breakpoint
-- Drafts sent through the write API (issue #28). A draft (not validated) may be withdrawn —
-- replaced by a new bilan, or for good — by retirer_brouillon() alone: it runs with the
-- tables' owner's rights and raises the flag below for its own duration; the application's
-- role cannot delete a bilan, a positionnement or a note itself. A validated bilan stays
-- refused to everyone, flag or not.
CREATE OR REPLACE FUNCTION controler_suppression_bilan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.valide_le IS NULL AND current_setting('cpro.retrait_brouillon', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'archive en lecture seule : DELETE refusé sur bilans'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER bilans_sans_suppression ON bilans;
--> statement-breakpoint
CREATE TRIGGER bilans_sans_suppression BEFORE DELETE ON bilans
  FOR EACH ROW EXECUTE FUNCTION controler_suppression_bilan();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION controler_contenu_bilan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('cpro.retrait_brouillon', true) = 'on'
     AND EXISTS (SELECT 1 FROM bilans b WHERE b.id = OLD.bilan_id AND b.valide_le IS NULL) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'archive en lecture seule : % refusé sur %', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER positionnements_lecture_seule ON positionnements;
--> statement-breakpoint
CREATE TRIGGER positionnements_lecture_seule BEFORE UPDATE OR DELETE ON positionnements
  FOR EACH ROW EXECUTE FUNCTION controler_contenu_bilan();
--> statement-breakpoint
DROP TRIGGER notes_lecture_seule ON notes;
--> statement-breakpoint
CREATE TRIGGER notes_lecture_seule BEFORE UPDATE OR DELETE ON notes
  FOR EACH ROW EXECUTE FUNCTION controler_contenu_bilan();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION retirer_brouillon(p_bilan uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET cpro.retrait_brouillon = 'on'
AS $$
BEGIN
  PERFORM 1 FROM bilans WHERE id = p_bilan AND valide_le IS NULL FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  DELETE FROM notes WHERE bilan_id = p_bilan;
  DELETE FROM positionnements WHERE bilan_id = p_bilan;
  DELETE FROM bilans WHERE id = p_bilan;
  RETURN true;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION retirer_brouillon(uuid) FROM PUBLIC;
--> statement-breakpoint
-- The write API's own trace is append-only, as the access trace.
CREATE TRIGGER ecritures_alimentation_ajout_seul BEFORE UPDATE OR DELETE ON ecritures_alimentation
  FOR EACH ROW EXECUTE FUNCTION refuser_modification_journal();
--> statement-breakpoint
CREATE TRIGGER ecritures_alimentation_sans_vidage BEFORE TRUNCATE ON ecritures_alimentation
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_modification_journal();
--> statement-breakpoint
-- A bilan positions its pupil on the competences of its own referential only: now checked
-- once per statement on the inserted rows (a join), as the validated-bilan check above, not
-- by one query per row — a batch of 10 000 SN bilans inserts 210 000 positionnements, and the
-- per-row check was most of the database's work (bench/alimentation.ts).
CREATE OR REPLACE FUNCTION controler_referentiel_positionnements() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM nouvelles_lignes n
      JOIN bilans b ON b.id = n.bilan_id
      LEFT JOIN competences k ON k.id = n.competence_id AND k.referentiel_id = b.referentiel_id
     WHERE k.id IS NULL
  ) THEN
    RAISE EXCEPTION 'la compétence n''est pas du référentiel du bilan'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER positionnements_referentiel ON positionnements;
--> statement-breakpoint
CREATE TRIGGER positionnements_referentiel AFTER INSERT ON positionnements
  REFERENCING NEW TABLE AS nouvelles_lignes
  FOR EACH STATEMENT EXECUTE FUNCTION controler_referentiel_positionnements();

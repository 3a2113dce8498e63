-- Referentials and school years (bac pro SN and bac pro CIEL side by side; a pupil followed
-- over the three years of the course). Existing data is carried over in this migration:
-- every pupil's class becomes their enrolment of that class's school year, and every
-- existing bilan gets the referential of its pupil's class — the one UPDATE of archived
-- rows ever made, with the immutability trigger set aside for this statement only and put
-- back (and extended to the new column) right after.
CREATE TABLE "inscriptions" (
	"apprenant_id" uuid NOT NULL,
	"classe_id" uuid NOT NULL,
	"annee_scolaire" text NOT NULL,
	CONSTRAINT "inscriptions_apprenant_id_annee_scolaire_pk" PRIMARY KEY("apprenant_id","annee_scolaire")
);
--> statement-breakpoint
ALTER TABLE "inscriptions" ADD CONSTRAINT "inscriptions_apprenant_id_apprenants_id_fk" FOREIGN KEY ("apprenant_id") REFERENCES "public"."apprenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscriptions" ADD CONSTRAINT "inscriptions_classe_id_classes_id_fk" FOREIGN KEY ("classe_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inscriptions_classe_idx" ON "inscriptions" USING btree ("classe_id","apprenant_id");--> statement-breakpoint
INSERT INTO "inscriptions" ("apprenant_id", "classe_id", "annee_scolaire")
  SELECT a.id, a.classe_id, c.annee_scolaire FROM apprenants a JOIN classes c ON c.id = a.classe_id;
--> statement-breakpoint
ALTER TABLE "referentiels" ADD COLUMN "sigle" text;--> statement-breakpoint
UPDATE "referentiels" SET "sigle" = regexp_replace("code", '^BAC-PRO-', '');--> statement-breakpoint
ALTER TABLE "referentiels" ALTER COLUMN "sigle" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bilans" ADD COLUMN "referentiel_id" uuid;--> statement-breakpoint
ALTER TABLE "bilans" DISABLE TRIGGER "bilans_validation_seulement";--> statement-breakpoint
UPDATE "bilans" b SET "referentiel_id" = c.referentiel_id
  FROM apprenants a JOIN classes c ON c.id = a.classe_id
  WHERE a.id = b.apprenant_id;
--> statement-breakpoint
ALTER TABLE "bilans" ENABLE TRIGGER "bilans_validation_seulement";--> statement-breakpoint
ALTER TABLE "bilans" ALTER COLUMN "referentiel_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bilans" ADD CONSTRAINT "bilans_referentiel_id_referentiels_id_fk" FOREIGN KEY ("referentiel_id") REFERENCES "public"."referentiels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The bilan's referential is part of the archive: validation still the only change.
CREATE OR REPLACE FUNCTION controler_modification_bilan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.valide_le IS NULL
     AND NEW.valide_le IS NOT NULL
     AND NEW.id = OLD.id
     AND NEW.apprenant_id = OLD.apprenant_id
     AND NEW.referentiel_id = OLD.referentiel_id
     AND NEW.auteur_id IS NOT DISTINCT FROM OLD.auteur_id
     AND NEW.date = OLD.date
     AND NEW.constats = OLD.constats
     AND NEW.conseils = OLD.conseils
     AND NEW.cree_le = OLD.cree_le THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'archive en lecture seule : seule la validation d''un bilan non validé est permise'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- A bilan positions its pupil on the competences of its own referential only.
CREATE OR REPLACE FUNCTION controler_referentiel_positionnement() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM bilans b JOIN competences k ON k.referentiel_id = b.referentiel_id
     WHERE b.id = NEW.bilan_id AND k.id = NEW.competence_id
  ) THEN
    RAISE EXCEPTION 'la compétence n''est pas du référentiel du bilan'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER positionnements_referentiel BEFORE INSERT ON positionnements
  FOR EACH ROW EXECUTE FUNCTION controler_referentiel_positionnement();
--> statement-breakpoint
-- A pupil stays in their establishment; an enrolment is in a class of the pupil's
-- establishment, for that class's school year.
CREATE OR REPLACE FUNCTION controler_etablissement_apprenant() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.etablissement_id IS DISTINCT FROM OLD.etablissement_id THEN
    RAISE EXCEPTION 'un apprenant ne change pas d''établissement'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION controler_inscription() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM apprenants a JOIN classes c ON c.etablissement_id = a.etablissement_id
     WHERE a.id = NEW.apprenant_id AND c.id = NEW.classe_id
       AND c.annee_scolaire = NEW.annee_scolaire
  ) THEN
    RAISE EXCEPTION 'une inscription est dans une classe de l''établissement de l''apprenant, pour l''année de cette classe'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER inscriptions_etablissement BEFORE INSERT OR UPDATE ON inscriptions
  FOR EACH ROW EXECUTE FUNCTION controler_inscription();
--> statement-breakpoint
ALTER TABLE "apprenants" DROP CONSTRAINT "apprenants_classe_id_classes_id_fk";--> statement-breakpoint
DROP INDEX "apprenants_classe_idx";--> statement-breakpoint
DROP INDEX "apprenants_etablissement_idx";--> statement-breakpoint
ALTER TABLE "apprenants" DROP COLUMN "classe_id";--> statement-breakpoint
CREATE INDEX "apprenants_etablissement_idx" ON "apprenants" USING btree ("etablissement_id","nom","prenom");

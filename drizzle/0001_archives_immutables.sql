-- Bilans are archives written by another CPRO module: once inserted, a bilan, its
-- positionnements and its notes never change. The only change allowed is a bilan's
-- one-time validation (valide_le going from NULL to a date, every other column equal).
CREATE OR REPLACE FUNCTION refuser_modification_archive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'archive en lecture seule : % refusé sur %', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION controler_modification_bilan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.valide_le IS NULL
     AND NEW.valide_le IS NOT NULL
     AND NEW.id = OLD.id
     AND NEW.apprenant_id = OLD.apprenant_id
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
CREATE TRIGGER bilans_validation_seulement BEFORE UPDATE ON bilans
  FOR EACH ROW EXECUTE FUNCTION controler_modification_bilan();
--> statement-breakpoint
CREATE TRIGGER bilans_sans_suppression BEFORE DELETE ON bilans
  FOR EACH ROW EXECUTE FUNCTION refuser_modification_archive();
--> statement-breakpoint
CREATE TRIGGER bilans_sans_vidage BEFORE TRUNCATE ON bilans
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_modification_archive();
--> statement-breakpoint
CREATE TRIGGER positionnements_lecture_seule BEFORE UPDATE OR DELETE ON positionnements
  FOR EACH ROW EXECUTE FUNCTION refuser_modification_archive();
--> statement-breakpoint
CREATE TRIGGER positionnements_sans_vidage BEFORE TRUNCATE ON positionnements
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_modification_archive();
--> statement-breakpoint
CREATE TRIGGER notes_lecture_seule BEFORE UPDATE OR DELETE ON notes
  FOR EACH ROW EXECUTE FUNCTION refuser_modification_archive();
--> statement-breakpoint
CREATE TRIGGER notes_sans_vidage BEFORE TRUNCATE ON notes
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_modification_archive();

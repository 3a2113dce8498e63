ALTER TYPE "public"."trace_action" ADD VALUE 'impression';--> statement-breakpoint
CREATE TABLE "jetons_impression_utilises" (
	"jti" uuid PRIMARY KEY NOT NULL,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "jetons_impression_utilises_expire_idx" ON "jetons_impression_utilises" USING btree ("expire_le");--> statement-breakpoint
-- Archives, second pass. A validated bilan is closed: no positionnement or note may be
-- added to it (the writer fills a bilan, then validates it). Checked once per statement
-- on the inserted rows, so a bulk load costs one join, not one lookup per row.
CREATE OR REPLACE FUNCTION refuser_ajout_bilan_valide() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM nouvelles_lignes n JOIN bilans b ON b.id = n.bilan_id
    WHERE b.valide_le IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'archive en lecture seule : % refusé dans un bilan validé', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER positionnements_bilan_ouvert AFTER INSERT ON positionnements
  REFERENCING NEW TABLE AS nouvelles_lignes
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_ajout_bilan_valide();
--> statement-breakpoint
CREATE TRIGGER notes_bilan_ouvert AFTER INSERT ON notes
  REFERENCING NEW TABLE AS nouvelles_lignes
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_ajout_bilan_valide();
--> statement-breakpoint
-- A pupil stays in their establishment: neither the pupil nor their class may move to
-- another one, and a pupil's class is always of the pupil's establishment.
CREATE OR REPLACE FUNCTION controler_etablissement_apprenant() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.etablissement_id IS DISTINCT FROM OLD.etablissement_id THEN
    RAISE EXCEPTION 'un apprenant ne change pas d''établissement'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM classes c WHERE c.id = NEW.classe_id AND c.etablissement_id = NEW.etablissement_id
  ) THEN
    RAISE EXCEPTION 'la classe d''un apprenant est de son établissement'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER apprenants_etablissement BEFORE INSERT OR UPDATE ON apprenants
  FOR EACH ROW EXECUTE FUNCTION controler_etablissement_apprenant();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuser_changement_etablissement() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.etablissement_id IS DISTINCT FROM OLD.etablissement_id THEN
    RAISE EXCEPTION '% ne change pas d''établissement', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER classes_etablissement BEFORE UPDATE ON classes
  FOR EACH ROW EXECUTE FUNCTION refuser_changement_etablissement();
--> statement-breakpoint
-- The access trace is append-only. Its one deletion is the retention purge, made by
-- purger_traces_acces() (which raises the flag below for its own duration only) and never
-- for the last month.
CREATE OR REPLACE FUNCTION controler_trace_acces() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('cpro.purge_traces', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'trace des accès en ajout seul : % refusé', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER traces_acces_ajout_seul BEFORE UPDATE OR DELETE ON traces_acces
  FOR EACH ROW EXECUTE FUNCTION controler_trace_acces();
--> statement-breakpoint
CREATE TRIGGER traces_acces_sans_vidage BEFORE TRUNCATE ON traces_acces
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_modification_archive();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION purger_traces_acces(avant timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET cpro.purge_traces = 'on'
AS $$
DECLARE
  n bigint;
BEGIN
  IF avant > now() - interval '1 month' THEN
    RAISE EXCEPTION 'la purge ne touche pas le dernier mois de la trace des accès'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM traces_acces WHERE cree_le < avant;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION purger_traces_acces(timestamptz) FROM PUBLIC;

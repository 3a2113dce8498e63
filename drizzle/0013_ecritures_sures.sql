-- Security pass of 2026-12-06 (issue #36, with #37's whole-row check).
--
-- 1. A bilan's one change — its validation — is checked on the whole row: every column but
--    `valide_le` must be equal, whatever columns a later migration adds (the old check listed
--    them, so a new column was covered by grants only). And the validation is dated by the
--    database for the application: `valide_le` can only become the current transaction's time,
--    never a date it chose. The tables' owner (the seeds, CPRO's archive imports) may date a
--    validation in the past, as a history is loaded.
CREATE OR REPLACE FUNCTION controler_modification_bilan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.valide_le IS NULL
     AND NEW.valide_le IS NOT NULL
     AND (NEW.valide_le = now() OR pg_has_role(current_user,
            (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER'))
     AND (to_jsonb(NEW) - 'valide_le') = (to_jsonb(OLD) - 'valide_le') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'archive en lecture seule : seule la validation d''un bilan non validé, datée de maintenant, est permise'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- 2. A draft is withdrawn by its source only: the draft the write path mapped under
--    (establishment, source), of a pupil of that establishment — never any bilan by its id.
--    The mapping goes with it (owner's rights: the application's role deletes no mapping
--    itself). Returns the withdrawn bilan's id, or NULL when there was no such draft.
DROP FUNCTION IF EXISTS retirer_brouillon(uuid);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION retirer_brouillon(p_etablissement uuid, p_source text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET cpro.retrait_brouillon = 'on'
AS $$
DECLARE
  v_bilan uuid;
BEGIN
  SELECT b.id INTO v_bilan
    FROM sources_bilans s
    JOIN bilans b ON b.id = s.bilan_id
    JOIN apprenants a ON a.id = b.apprenant_id
   WHERE s.etablissement_id = p_etablissement
     AND s.source = p_source
     AND a.etablissement_id = p_etablissement
     AND b.valide_le IS NULL
     FOR UPDATE OF s, b;
  IF v_bilan IS NULL THEN
    RETURN NULL;
  END IF;
  DELETE FROM sources_bilans WHERE etablissement_id = p_etablissement AND source = p_source;
  DELETE FROM notes WHERE bilan_id = v_bilan;
  DELETE FROM positionnements WHERE bilan_id = v_bilan;
  DELETE FROM bilans WHERE id = v_bilan;
  RETURN v_bilan;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION retirer_brouillon(uuid, text) FROM PUBLIC;

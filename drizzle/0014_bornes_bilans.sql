-- A bound on a pupil's bilans (issue #36), so that one holder of a write token cannot make a
-- pupil's page unusable (thousands of bilans: a 15 MB page, PDFs failing): at most 100 bilans
-- per pupil — a pupil has about ten over three years; a whole history sent at once stays well
-- under it. Checked once per statement on the inserted rows, as the other checks of bilans
-- (a batch inserts 500 bilans in one statement), through the index on (apprenant_id, date).
CREATE OR REPLACE FUNCTION controler_bornes_bilans() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1
      FROM (SELECT DISTINCT apprenant_id FROM nouveaux_bilans) n
      JOIN bilans b ON b.apprenant_id = n.apprenant_id
     GROUP BY n.apprenant_id
    HAVING count(*) > 100
  ) THEN
    RAISE EXCEPTION 'au plus 100 bilans par apprenant'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'bilans_par_apprenant';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bilans_bornes AFTER INSERT ON bilans
  REFERENCING NEW TABLE AS nouveaux_bilans
  FOR EACH STATEMENT EXECUTE FUNCTION controler_bornes_bilans();

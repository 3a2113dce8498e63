ALTER TYPE "public"."role" ADD VALUE 'administrateur';--> statement-breakpoint
CREATE TABLE "imports_en_attente" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"nature" text NOT NULL,
	"contenu" jsonb NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	CONSTRAINT "imports_en_attente_nature_check" CHECK ("imports_en_attente"."nature" in ('siecle', 'enseignants'))
);
--> statement-breakpoint
CREATE TABLE "journal_administration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"utilisateur_id" uuid,
	"auteur" text NOT NULL,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referentiels_divisions" (
	"etablissement_id" uuid NOT NULL,
	"code_division" text NOT NULL,
	"referentiel_id" uuid NOT NULL,
	"choisi_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referentiels_divisions_etablissement_id_code_division_pk" PRIMARY KEY("etablissement_id","code_division")
);
--> statement-breakpoint
ALTER TABLE "identites_externes" DROP CONSTRAINT "identites_externes_liaison_check";--> statement-breakpoint
DROP INDEX "classes_etablissement_idx";--> statement-breakpoint
ALTER TABLE "apprenants" ADD COLUMN "siecle_eleve_id" text;--> statement-breakpoint
ALTER TABLE "inscriptions" ADD COLUMN "sortie_le" date;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD COLUMN "derniere_connexion_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "imports_en_attente" ADD CONSTRAINT "imports_en_attente_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports_en_attente" ADD CONSTRAINT "imports_en_attente_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_administration" ADD CONSTRAINT "journal_administration_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_administration" ADD CONSTRAINT "journal_administration_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referentiels_divisions" ADD CONSTRAINT "referentiels_divisions_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referentiels_divisions" ADD CONSTRAINT "referentiels_divisions_referentiel_id_referentiels_id_fk" FOREIGN KEY ("referentiel_id") REFERENCES "public"."referentiels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_en_attente_etablissement_idx" ON "imports_en_attente" USING btree ("etablissement_id");--> statement-breakpoint
CREATE INDEX "journal_administration_etablissement_idx" ON "journal_administration" USING btree ("etablissement_id","cree_le");--> statement-breakpoint
CREATE UNIQUE INDEX "apprenants_etablissement_ine_key" ON "apprenants" USING btree ("etablissement_id","ine") WHERE "apprenants"."ine" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "apprenants_etablissement_siecle_key" ON "apprenants" USING btree ("etablissement_id","siecle_eleve_id") WHERE "apprenants"."siecle_eleve_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "classes_etablissement_annee_nom_key" ON "classes" USING btree ("etablissement_id","annee_scolaire","nom");--> statement-breakpoint
ALTER TABLE "identites_externes" ADD CONSTRAINT "identites_externes_liaison_check" CHECK ("identites_externes"."liaison" in ('script', 'email', 'administration'));--> statement-breakpoint
-- The administration journal is append-only, as the access trace: nobody edits or erases it.
CREATE OR REPLACE FUNCTION refuser_modification_journal() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'journal d''administration en ajout seul'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER journal_administration_ajout_seul BEFORE UPDATE OR DELETE ON journal_administration
  FOR EACH ROW EXECUTE FUNCTION refuser_modification_journal();
--> statement-breakpoint
CREATE TRIGGER journal_administration_sans_vidage BEFORE TRUNCATE ON journal_administration
  FOR EACH STATEMENT EXECUTE FUNCTION refuser_modification_journal();
--> statement-breakpoint
-- A period lies inside its school year (1 September – 31 August), starts before it ends, and
-- overlaps no other period of its establishment: the PRONOTE export picks « the » current one.
CREATE OR REPLACE FUNCTION controler_periode() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  debut_annee date;
BEGIN
  IF NEW.annee_scolaire !~ '^[0-9]{4}-[0-9]{4}$'
     OR right(NEW.annee_scolaire, 4)::int <> left(NEW.annee_scolaire, 4)::int + 1 THEN
    RAISE EXCEPTION 'année scolaire invalide' USING ERRCODE = 'check_violation';
  END IF;
  debut_annee := make_date(left(NEW.annee_scolaire, 4)::int, 9, 1);
  IF NEW.debut > NEW.fin OR NEW.debut < debut_annee
     OR NEW.fin >= (debut_annee + interval '1 year')::date THEN
    RAISE EXCEPTION 'période hors de son année scolaire' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (
    SELECT 1 FROM periodes p
     WHERE p.etablissement_id = NEW.etablissement_id AND p.id <> NEW.id
       AND p.debut <= NEW.fin AND NEW.debut <= p.fin
  ) THEN
    RAISE EXCEPTION 'périodes qui se chevauchent' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER periodes_sans_chevauchement BEFORE INSERT OR UPDATE ON periodes
  FOR EACH ROW EXECUTE FUNCTION controler_periode();

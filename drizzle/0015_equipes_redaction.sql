CREATE TABLE "equipes" (
	"classe_id" uuid NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"origine" text NOT NULL,
	"ajoute_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipes_classe_id_utilisateur_id_pk" PRIMARY KEY("classe_id","utilisateur_id"),
	CONSTRAINT "equipes_origine_check" CHECK ("equipes"."origine" in ('sts', 'administration'))
);
--> statement-breakpoint
ALTER TABLE "imports_en_attente" DROP CONSTRAINT "imports_en_attente_nature_check";--> statement-breakpoint
ALTER TABLE "ecritures_alimentation" ADD COLUMN "utilisateur_id" uuid;--> statement-breakpoint
ALTER TABLE "sources_bilans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sources_bilans" ADD COLUMN "modifie_par" uuid;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD COLUMN "sts_individu_id" text;--> statement-breakpoint
ALTER TABLE "equipes" ADD CONSTRAINT "equipes_classe_id_classes_id_fk" FOREIGN KEY ("classe_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipes" ADD CONSTRAINT "equipes_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipes_utilisateur_idx" ON "equipes" USING btree ("utilisateur_id");--> statement-breakpoint
ALTER TABLE "ecritures_alimentation" ADD CONSTRAINT "ecritures_alimentation_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources_bilans" ADD CONSTRAINT "sources_bilans_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ecritures_alimentation_source_idx" ON "ecritures_alimentation" USING btree ("etablissement_id","source","cree_le");--> statement-breakpoint
CREATE UNIQUE INDEX "utilisateurs_sts_key" ON "utilisateurs" USING btree ("etablissement_id","sts_individu_id") WHERE "utilisateurs"."sts_individu_id" is not null;--> statement-breakpoint
ALTER TABLE "imports_en_attente" ADD CONSTRAINT "imports_en_attente_nature_check" CHECK ("imports_en_attente"."nature" in ('siecle', 'enseignants', 'sts'));--> statement-breakpoint
-- A class's team holds teachers of the class's own establishment, whoever writes it.
CREATE OR REPLACE FUNCTION controler_equipe() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM classes c JOIN utilisateurs u ON u.etablissement_id = c.etablissement_id
     WHERE c.id = NEW.classe_id AND u.id = NEW.utilisateur_id AND u.role = 'enseignant'
  ) THEN
    RAISE EXCEPTION 'une équipe ne compte que des enseignants de l''établissement de la classe'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'equipes_etablissement';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER equipes_etablissement BEFORE INSERT OR UPDATE ON equipes
  FOR EACH ROW EXECUTE FUNCTION controler_equipe();

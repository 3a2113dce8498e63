CREATE TYPE "public"."niveau" AS ENUM('NE', '-', '-+', '+', '++');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('enseignant', 'vie_scolaire', 'direction');--> statement-breakpoint
CREATE TABLE "apprenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"classe_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"prenom" text NOT NULL,
	"ine" text
);
--> statement-breakpoint
CREATE TABLE "bilans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"apprenant_id" uuid NOT NULL,
	"auteur_id" uuid,
	"date" date NOT NULL,
	"constats" text DEFAULT '' NOT NULL,
	"conseils" text DEFAULT '' NOT NULL,
	"valide_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"referentiel_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"annee_scolaire" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referentiel_id" uuid NOT NULL,
	"code" text NOT NULL,
	"equivalence" text,
	"libelle" text NOT NULL,
	"rang" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "etablissements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uai" char(8) NOT NULL,
	"nom" text NOT NULL,
	CONSTRAINT "etablissements_uai_unique" UNIQUE("uai")
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bilan_id" uuid NOT NULL,
	"libelle" text NOT NULL,
	"valeur" numeric(4, 2) NOT NULL,
	"coefficient" numeric(4, 2) DEFAULT '1' NOT NULL,
	CONSTRAINT "notes_valeur_check" CHECK ("notes"."valeur" between 0 and 20)
);
--> statement-breakpoint
CREATE TABLE "periodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"annee_scolaire" text NOT NULL,
	"libelle" text NOT NULL,
	"debut" date NOT NULL,
	"fin" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positionnements" (
	"bilan_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"niveau" "niveau" NOT NULL,
	CONSTRAINT "positionnements_bilan_id_competence_id_pk" PRIMARY KEY("bilan_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "referentiels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"libelle" text NOT NULL,
	"version" text NOT NULL,
	CONSTRAINT "referentiels_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "utilisateurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid NOT NULL,
	"email" text NOT NULL,
	"nom" text NOT NULL,
	"prenom" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"actif" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "apprenants" ADD CONSTRAINT "apprenants_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenants" ADD CONSTRAINT "apprenants_classe_id_classes_id_fk" FOREIGN KEY ("classe_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilans" ADD CONSTRAINT "bilans_apprenant_id_apprenants_id_fk" FOREIGN KEY ("apprenant_id") REFERENCES "public"."apprenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilans" ADD CONSTRAINT "bilans_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_referentiel_id_referentiels_id_fk" FOREIGN KEY ("referentiel_id") REFERENCES "public"."referentiels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competences" ADD CONSTRAINT "competences_referentiel_id_referentiels_id_fk" FOREIGN KEY ("referentiel_id") REFERENCES "public"."referentiels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_bilan_id_bilans_id_fk" FOREIGN KEY ("bilan_id") REFERENCES "public"."bilans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodes" ADD CONSTRAINT "periodes_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positionnements" ADD CONSTRAINT "positionnements_bilan_id_bilans_id_fk" FOREIGN KEY ("bilan_id") REFERENCES "public"."bilans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positionnements" ADD CONSTRAINT "positionnements_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "apprenants_classe_idx" ON "apprenants" USING btree ("classe_id","nom","prenom");--> statement-breakpoint
CREATE INDEX "apprenants_etablissement_idx" ON "apprenants" USING btree ("etablissement_id");--> statement-breakpoint
CREATE INDEX "bilans_apprenant_date_idx" ON "bilans" USING btree ("apprenant_id","date");--> statement-breakpoint
CREATE INDEX "classes_etablissement_idx" ON "classes" USING btree ("etablissement_id","annee_scolaire","nom");--> statement-breakpoint
CREATE UNIQUE INDEX "competences_referentiel_code_key" ON "competences" USING btree ("referentiel_id","code");--> statement-breakpoint
CREATE INDEX "notes_bilan_idx" ON "notes" USING btree ("bilan_id");--> statement-breakpoint
CREATE INDEX "periodes_etablissement_idx" ON "periodes" USING btree ("etablissement_id","debut");--> statement-breakpoint
CREATE UNIQUE INDEX "utilisateurs_email_key" ON "utilisateurs" USING btree ("email");--> statement-breakpoint
CREATE INDEX "utilisateurs_etablissement_idx" ON "utilisateurs" USING btree ("etablissement_id");
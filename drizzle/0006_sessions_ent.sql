CREATE TYPE "public"."fournisseur_ent" AS ENUM('ent', 'cas');--> statement-breakpoint
CREATE TYPE "public"."moyen_connexion" AS ENUM('credentials', 'ent', 'cas');--> statement-breakpoint
CREATE TABLE "identites_externes" (
	"fournisseur" "fournisseur_ent" NOT NULL,
	"identifiant" text NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"liaison" text NOT NULL,
	"liee_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identites_externes_fournisseur_identifiant_pk" PRIMARY KEY("fournisseur","identifiant"),
	CONSTRAINT "identites_externes_liaison_check" CHECK ("identites_externes"."liaison" in ('script', 'email')),
	CONSTRAINT "identites_externes_identifiant_check" CHECK (length("identites_externes"."identifiant") between 1 and 256)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"moyen" "moyen_connexion" NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"revoquee_le" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identites_externes" ADD CONSTRAINT "identites_externes_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identites_externes_utilisateur_idx" ON "identites_externes" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "sessions_utilisateur_idx" ON "sessions" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "sessions_expire_le_idx" ON "sessions" USING btree ("expire_le");
CREATE TABLE "pdf_cache" (
	"cle" text PRIMARY KEY NOT NULL,
	"octets" "bytea" NOT NULL,
	"taille" integer NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"dernier_acces" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pdf_cache_dernier_acces_idx" ON "pdf_cache" USING btree ("dernier_acces");
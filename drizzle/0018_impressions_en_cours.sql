-- Long prints under way, shared by every instance (issue #40): behind several instances the tab
-- that waits for the council pack asks one or another; the instance printing it says here how far
-- it has gone, so that no other starts the same print again.
CREATE TABLE "impressions_en_cours" (
	"cle" text PRIMARY KEY NOT NULL,
	"faits" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"erreur" text,
	"reessayer_dans" integer,
	"pret" boolean DEFAULT false NOT NULL,
	"maj" timestamp with time zone DEFAULT now() NOT NULL
);

-- One ENT identity per account and provider. An earlier `npm run ent:link` may have linked
-- two identities of one provider to the same account: the most recent link stays.
DELETE FROM "identites_externes" i
 USING "identites_externes" j
 WHERE j."utilisateur_id" = i."utilisateur_id" AND j."fournisseur" = i."fournisseur"
   AND (j."liee_le", j."identifiant") > (i."liee_le", i."identifiant");--> statement-breakpoint
DROP INDEX "identites_externes_utilisateur_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "identites_externes_utilisateur_fournisseur_idx" ON "identites_externes" USING btree ("utilisateur_id","fournisseur");

// Administrator accounts, created from the command line (`npm run admin:create`): the first
// one of an establishment cannot be made from a page. The password is drawn here, hashed,
// and returned once for the operator to hand over; the account can also be linked to the
// ENT like a teacher's.
import 'server-only';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { etablissements, utilisateurs } from '@/lib/db/schema';
import { hashPassword } from '@/lib/auth/ways/password/password';
import { Refus } from '@/lib/common/refus';
import { journalise } from './journal';

export interface AdministrateurCree {
  id: string;
  motDePasse: string;
}

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
function newPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(16);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function createAdministrateur(
  db: Database,
  input: { uai: string; email: string; nom?: string; prenom?: string },
): Promise<AdministrateurCree> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new Refus(`Courriel invalide : « ${input.email} ».`);
  const [etab] = await db
    .select({ id: etablissements.id })
    .from(etablissements)
    .where(eq(etablissements.uai, input.uai.trim().toUpperCase()));
  if (!etab) throw new Refus(`Aucun établissement avec l’UAI ${input.uai}.`);
  const motDePasse = newPassword();
  const passwordHash = await hashPassword(motDePasse);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: utilisateurs.id })
      .from(utilisateurs)
      .where(eq(utilisateurs.email, email));
    if (existing)
      throw new Refus(`Un compte existe déjà avec le courriel ${email} : rien n’a été créé.`);
    const [row] = await tx
      .insert(utilisateurs)
      .values({
        etablissementId: etab.id,
        email,
        nom: (input.nom ?? 'ADMINISTRATEUR').trim() || 'ADMINISTRATEUR',
        prenom: (input.prenom ?? 'CPRO').trim() || 'CPRO',
        role: 'administrateur',
        passwordHash,
      })
      .returning({ id: utilisateurs.id });
    await journalise(
      {
        db: tx,
        etablissementId: etab.id,
        acteur: { kind: 'script', libelle: 'npm run admin:create' },
      },
      'compte_cree',
      { compte: email, role: 'administrateur' },
    );
    return { id: row!.id, motDePasse };
  });
}

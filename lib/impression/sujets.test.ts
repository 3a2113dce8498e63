// PDF subjects and the class document's data: scoped to the establishment, on both drivers.
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { describe, expect, it } from 'vitest';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { testDrivers } from '@/lib/db/testing';
import { getDerniersBilans } from '@/lib/bilans/derniers-bilans';
import { getBilanPdfSujet, getClassePdfSujet } from './sujets';

const demo = DEMO_IDS.etablissement;
const voisin = DEMO_IDS.etablissementVoisin;
const classe = DEMO_IDS.classe;
const angie = DEMO_IDS.angie;
const zoe = DEMO_IDS.zoe;
const angieLatest = DEMO_IDS.angieDernierBilan;

describe.each(testDrivers())('PDF data ($name)', (driver) => {
  const connection = useDemoDatabase(driver);

  it('describes a bilan for its file name and cache key', async () => {
    const sujet = await getBilanPdfSujet(connection().db, demo, angie, angieLatest);
    expect(sujet).toMatchObject({ nom: 'HUBERT', prenom: 'Angie', date: '2016-06-16' });
    expect(sujet?.etablissementNom).toBe('Lycée professionnel de démonstration');
    const first = await getBilanPdfSujet(connection().db, demo, angie, DEMO_IDS.angiePremierBilan);
    expect(first?.empreinte).not.toEqual(sujet?.empreinte);
  });

  it('finds nothing across establishments or pupils', async () => {
    expect(await getBilanPdfSujet(connection().db, voisin, angie, angieLatest)).toBeNull();
    expect(await getBilanPdfSujet(connection().db, demo, zoe, angieLatest)).toBeNull();
    expect(await getBilanPdfSujet(connection().db, demo, 'x', angieLatest)).toBeNull();
    expect(await getClassePdfSujet(connection().db, voisin, classe)).toBeNull();
    expect(await getDerniersBilans(connection().db, voisin, classe)).toBeNull();
  });

  it('reads the latest bilan of every pupil of a class in list order', async () => {
    const view = await getDerniersBilans(connection().db, demo, classe);
    const names = view!.apprenants.map((a) => `${a.apprenant.nom} ${a.apprenant.prenom}`);
    expect(names).toContain('HUBERT Angie');
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })),
    );
    const hers = view!.apprenants.find((a) => a.apprenant.id === angie)!.view;
    expect(hers.affiche?.date).toBe('2016-06-16');
    expect(view!.apprenants.find((a) => a.apprenant.prenom === 'Aïcha')?.view.affiche).toBeNull();
    const sujet = await getClassePdfSujet(connection().db, demo, classe);
    expect(sujet).toMatchObject({ classeNom: '1re SN', anneeScolaire: '2015-2016' });
  });
});

// A pupil with bilans of two referentials (an SN archive, then CIEL): the view never mixes
// them — table, columns, evolution and radar use the shown bilan's referential; the banner
// keeps every date and names each one's referential.
import { describe, expect, it } from 'vitest';
import { buildBilanPageView, type RawPage } from './bilan-view';

const SN = 'r-sn';
const CIEL = 'r-ciel';

function bilan(id: string, date: string, referentielId: string, niveaux: Record<string, string>) {
  return {
    id,
    date,
    constats: '',
    conseils: '',
    valideLe: `${date}T16:00:00Z`,
    luParPronoteLe: null,
    niveaux,
    referentielId,
    notes: null,
  };
}

const raw: RawPage = {
  apprenant_id: 'a1',
  nom: 'DURAND',
  prenom: 'Léa',
  ine: null,
  classe_id: 'c1',
  classe_nom: '1re CIEL',
  annee_scolaire: '2026-2027',
  classe_referentiel_id: CIEL,
  etablissement_nom: 'Lycée',
  periodes: [
    { libelle: 'Trimestre 1', debut: '2026-09-01', fin: '2026-11-30', cloture: '2026-12-21' },
    { libelle: 'Trimestre 2', debut: '2025-12-01', fin: '2026-02-28', cloture: '2026-03-21' },
  ],
  inscriptions: [
    { nom: '2de CIEL', anneeScolaire: '2025-2026' },
    { nom: '1re CIEL', anneeScolaire: '2026-2027' },
  ],
  classes: null,
  apprenants: null,
  referentiels: [
    {
      id: SN,
      code: 'BAC-PRO-SN',
      sigle: 'SN',
      libelle: 'SN',
      version: '2016',
      competences: [{ id: 'k-sn', code: 'C1-1', equivalence: null, libelle: 'Appréhender' }],
    },
    {
      id: CIEL,
      code: 'BAC-PRO-CIEL',
      sigle: 'CIEL',
      libelle: 'CIEL',
      version: '2023',
      competences: [
        { id: 'k1', code: 'C01', equivalence: null, libelle: 'Communiquer' },
        { id: 'k8', code: 'C08', equivalence: null, libelle: 'Coder' },
      ],
    },
  ],
  bilans: [
    bilan('b1', '2024-05-27', SN, { 'k-sn': '+' }),
    bilan('b2', '2025-12-04', CIEL, { k1: '-', k8: '-+' }),
    bilan('b3', '2026-10-20', CIEL, { k1: '+', k8: '-+' }),
  ],
};

describe('a pupil with bilans of two referentials', () => {
  it('shows the latest CIEL bilan with CIEL columns, evolution and radar only', () => {
    const view = buildBilanPageView(raw, null)!;
    expect(view.referentiel).toMatchObject({ sigle: 'CIEL', code: 'BAC-PRO-CIEL' });
    expect(view.competences.map((k) => k.code)).toEqual(['C01', 'C08']);
    // The table shows the shown bilan's school year; the CIEL year before is one link away.
    expect(view.colonnes.map((c) => c.id)).toEqual(['b3']);
    expect(view.anneesPrecedentes).toEqual([
      { anneeScolaire: '2025-2026', classe: '2de CIEL', bilanId: 'b2' },
    ]);
    expect(view.competences.map((k) => k.evolution)).toEqual(['hausse', 'stable']);
    expect(view.radar?.map((s) => s.id)).toEqual(['b2', 'b3']);
    // The banner keeps every date, each with its referential, term, school year and class.
    expect(
      view.bilans.map((b) => [b.id, b.referentiel, b.periode, b.anneeScolaire, b.classe]),
    ).toEqual([
      ['b1', 'SN', null, '2023-2024', null],
      ['b2', 'CIEL', 'T2', '2025-2026', '2de CIEL'],
      ['b3', 'CIEL', 'T1', '2026-2027', '1re CIEL'],
    ]);
  });

  it("opened from a former class, shows that school year's latest bilan", () => {
    const view = buildBilanPageView(raw, null, '2025-2026')!;
    expect(view.affiche?.id).toBe('b2');
    expect(view.colonnes.map((c) => c.id)).toEqual(['b2']);
    // A year without a bilan: the latest of all.
    expect(buildBilanPageView(raw, null, '2019-2020')!.affiche?.id).toBe('b3');
  });

  it('shows the SN archive in its own referential, alone', () => {
    const view = buildBilanPageView(raw, 'b1')!;
    expect(view.referentiel.sigle).toBe('SN');
    expect(view.competences.map((k) => k.code)).toEqual(['C1-1']);
    expect(view.colonnes.map((c) => c.id)).toEqual(['b1']);
    expect(view.radar).toBeNull();
    expect(view.competences[0]?.evolution).toBe('aucune');
  });

  it('a first CIEL bilan after SN ones has nothing to compare with', () => {
    const view = buildBilanPageView(raw, 'b2')!;
    expect(view.colonnes.map((c) => c.id)).toEqual(['b2']);
    expect(view.competences.every((k) => k.evolution === 'aucune')).toBe(true);
  });

  it('says whether the shown bilan is of a period not closed (the ones PRONOTE reads)', () => {
    const ouverte = (id: string, today: string) =>
      buildBilanPageView(raw, id, null, today)!.affiche?.periodeOuverte;
    expect(ouverte('b3', '2026-11-20')).toBe(true);
    expect(ouverte('b2', '2026-11-20')).toBe(false);
    // T1 has ended, its councils are held: PRONOTE still reads it until its closing day.
    expect(ouverte('b3', '2026-12-21')).toBe(true);
    expect(ouverte('b3', '2026-12-22')).toBe(false);
    // Before the period began.
    expect(ouverte('b3', '2026-08-15')).toBe(false);
  });
});

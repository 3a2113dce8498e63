// What a teacher typed in « Rédiger un bilan », read from the form's fields and checked against
// the pupil's referential and school year — pure functions, no database. Field names:
// `date`, `niveau:<code>` (a radio group per competence), `constats`, `conseils`,
// `note:<i>:libelle|valeur|coefficient` (rows), `lignes` (how many mark rows are drawn),
// `source` and `version` (the draft the form was filled from). A draft may be incomplete;
// validation needs every competence positioned and constats or conseils written.
import { NIVEAUX, type Niveau } from '@/lib/db/enums';
import { parseIsoDate, formatDateFr, schoolYearOf } from '@/lib/common/dates';
import { SOURCE_PATTERN } from '@/lib/alimentation/schema';

/** The API's limits (lib/alimentation/schema.ts), the same for the form. */
export const MAX_TEXTE = 20_000;
export const MAX_LIBELLE_NOTE = 200;
export const MAX_NOTES = 50;

export interface NoteSaisie {
  libelle: string;
  valeur: string;
  coefficient: string;
}

/** A draft as the form holds it: what the page draws and what a save writes. */
export interface Saisie {
  source: string;
  version: number;
  date: string;
  /** By competence code; a competence not yet positioned is absent. */
  niveaux: Record<string, Niveau>;
  constats: string;
  conseils: string;
  notes: NoteSaisie[];
}

/** A pupil's first draft, dated `date`: nothing written yet (no source, version 0). */
export function emptySaisie(date: string): Saisie {
  return { source: '', version: 0, date, niveaux: {}, constats: '', conseils: '', notes: [] };
}

export interface CompetenceRef {
  id: string;
  code: string;
  libelle: string;
}

/** A draft once checked: what the write path takes (lib/alimentation/write.ts's Resolved). */
export interface SaisieValide {
  date: string;
  /** competence id → level, in the referential's order (positioned ones only). */
  niveaux: [string, Niveau][];
  constats: string;
  conseils: string;
  notes: { libelle: string; valeur: string; coefficient: string }[];
}

export type Verification =
  | { ok: true; value: SaisieValide }
  | { ok: false; message: string; champs: Record<string, string> };

const NIVEAU_PREFIX = 'niveau:';

/** Browsers send CRLF: stored as LF, so that the same text is the same draft. */
function texte(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

function field(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value : '';
}

/** The form's fields as a draft (nothing checked yet but shapes). */
export function readSaisie(fields: Record<string, unknown>): Saisie & { inconnus: string[] } {
  const niveaux: Record<string, Niveau> = {};
  const inconnus: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith(NIVEAU_PREFIX) || typeof value !== 'string') continue;
    const code = name.slice(NIVEAU_PREFIX.length);
    if ((NIVEAUX as readonly string[]).includes(value)) niveaux[code] = value as Niveau;
    else inconnus.push(`${code}=${value.slice(0, 20)}`);
  }
  const lignes = Math.min(
    Math.max(Number.parseInt(field(fields, 'lignes'), 10) || 0, 0),
    MAX_NOTES + 1,
  );
  const notes: NoteSaisie[] = [];
  for (let i = 0; i < lignes; i += 1) {
    notes.push({
      libelle: field(fields, `note:${i}:libelle`),
      valeur: field(fields, `note:${i}:valeur`),
      coefficient: field(fields, `note:${i}:coefficient`),
    });
  }
  const version = Number.parseInt(field(fields, 'version'), 10);
  return {
    source: field(fields, 'source'),
    version: Number.isFinite(version) ? version : -1,
    date: field(fields, 'date'),
    niveaux,
    constats: texte(fields.constats),
    conseils: texte(fields.conseils),
    notes,
    inconnus,
  };
}

/** The form's fields of a draft, to draw it again (what was typed, or what is stored). */
export function saisieFields(s: Saisie): Record<string, string> {
  const fields: Record<string, string> = {
    source: s.source,
    version: String(s.version),
    date: s.date,
    constats: s.constats,
    conseils: s.conseils,
    lignes: String(s.notes.length),
  };
  for (const [code, niveau] of Object.entries(s.niveaux))
    fields[`${NIVEAU_PREFIX}${code}`] = niveau;
  s.notes.forEach((n, i) => {
    fields[`note:${i}:libelle`] = n.libelle;
    fields[`note:${i}:valeur`] = n.valeur;
    fields[`note:${i}:coefficient`] = n.coefficient;
  });
  return fields;
}

/** « 12,5 » or « 12.5 » → 12.5; null when it is no number. */
function nombre(value: string): number | null {
  const text = value.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  return Number(text);
}

/**
 * The draft checked against the pupil's referential and school year, `today` the last day
 * allowed. Every problem is named, beside its field.
 */
export function checkSaisie(
  s: Saisie & { inconnus?: string[] },
  competences: CompetenceRef[],
  today: string,
): Verification {
  const champs: Record<string, string> = {};
  const generales: string[] = [];
  if (!(s.source === '' || SOURCE_PATTERN.test(s.source)) || s.version < 0) {
    generales.push('Le formulaire ne dit pas de quel brouillon il vient : rechargez la page.');
  }
  const annee = schoolYearOf(today);
  const debut = `${annee.slice(0, 4)}-09-01`;
  const date = parseIsoDate(s.date);
  if (!date) {
    champs.date = 'Indiquez la date du bilan (JJ/MM/AAAA).';
  } else if (date < debut || date > today) {
    champs.date = `La date doit être dans l’année scolaire ${annee}, au plus tard aujourd’hui (${formatDateFr(today)}).`;
  }
  for (const inconnu of s.inconnus ?? []) {
    const [code, value] = inconnu.split('=');
    champs[`${NIVEAU_PREFIX}${code}`] =
      `Niveau inconnu pour ${code} : « ${value} » (NE, -, -+, + ou ++).`;
  }
  const byCode = new Map(competences.map((k) => [k.code, k]));
  for (const code of Object.keys(s.niveaux)) {
    if (!byCode.has(code)) {
      generales.push(`La compétence ${code.slice(0, 16)} n’est pas du référentiel de l’apprenant.`);
    }
  }
  if (s.constats.length > MAX_TEXTE) champs.constats = `${MAX_TEXTE} caractères au plus.`;
  if (s.conseils.length > MAX_TEXTE) champs.conseils = `${MAX_TEXTE} caractères au plus.`;
  if (s.notes.length > MAX_NOTES) generales.push(`${MAX_NOTES} notes au plus.`);
  const notes: SaisieValide['notes'] = [];
  s.notes.forEach((n, i) => {
    if (!n.libelle.trim() && !n.valeur.trim() && !n.coefficient.trim()) return;
    const libelle = n.libelle.trim();
    if (!libelle) champs[`note:${i}:libelle`] = 'Indiquez le libellé de la note.';
    else if (libelle.length > MAX_LIBELLE_NOTE)
      champs[`note:${i}:libelle`] = `${MAX_LIBELLE_NOTE} caractères au plus.`;
    const valeur = nombre(n.valeur);
    if (valeur === null || valeur > 20)
      champs[`note:${i}:valeur`] = 'La note est sur 20 : un nombre entre 0 et 20.';
    const coefficient = nombre(n.coefficient.trim() === '' ? '1' : n.coefficient);
    if (coefficient === null || coefficient <= 0 || coefficient > 99)
      champs[`note:${i}:coefficient`] =
        'Le coefficient est un nombre plus grand que 0 (99 au plus).';
    if (valeur !== null && coefficient !== null) {
      notes.push({ libelle, valeur: valeur.toFixed(2), coefficient: coefficient.toFixed(2) });
    }
  });
  if (generales.length > 0 || Object.keys(champs).length > 0) {
    return {
      ok: false,
      message: [
        ...generales,
        Object.keys(champs).length > 0
          ? 'Le formulaire a des erreurs : rien n’a été enregistré.'
          : '',
      ]
        .filter(Boolean)
        .join(' '),
      champs,
    };
  }
  return {
    ok: true,
    value: {
      date: date!,
      niveaux: competences
        .filter((k) => s.niveaux[k.code])
        .map((k) => [k.id, s.niveaux[k.code]!] as [string, Niveau]),
      constats: s.constats,
      conseils: s.conseils,
      notes,
    },
  };
}

/**
 * What stops a validation: each competence not positioned, and constats or conseils empty —
 * beside their fields, in French; null when the draft can be validated.
 */
export function missingForValidation(
  s: Pick<Saisie, 'niveaux' | 'constats' | 'conseils'>,
  competences: CompetenceRef[],
): { message: string; champs: Record<string, string> } | null {
  const champs: Record<string, string> = {};
  const manquantes = competences.filter((k) => !s.niveaux[k.code]);
  for (const k of manquantes) {
    champs[`${NIVEAU_PREFIX}${k.code}`] = `Positionnez ${k.code} (NE si elle n’a pas été évaluée).`;
  }
  const sansTexte = !s.constats.trim() && !s.conseils.trim();
  if (sansTexte) champs.constats = 'Écrivez les constats ou les conseils.';
  if (Object.keys(champs).length === 0) return null;
  const parts: string[] = [];
  if (manquantes.length > 0) {
    parts.push(
      `${manquantes.length === 1 ? 'Compétence non positionnée' : 'Compétences non positionnées'} : ${manquantes.map((k) => k.code).join(', ')}.`,
    );
  }
  if (sansTexte) parts.push('Écrivez les constats ou les conseils.');
  return {
    message: `Le bilan ne peut pas être validé : ${parts.join(' ')} Rien n’a été enregistré.`,
    champs,
  };
}

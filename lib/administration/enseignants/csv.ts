// Reads the teachers' CSV a school exports from its own tools or writes in a spreadsheet:
// « ; »-separated, a header line naming the columns `nom`, `prenom`, `courriel` and optionally
// `identifiant_ent` (any order, any case, accents ignored), in UTF-8 with or without a
// byte-order mark or in Windows-1252 (what Excel saves as « CSV (séparateur : point-virgule) »).
// A header without the required columns refuses the file; a bad line is listed as an error.
import 'server-only';
import { parse } from 'csv-parse/sync';
import type { FournisseurEnt } from '@/lib/db/enums';
import { NUL_MESSAGE, hasNul } from '@/lib/common/nul';
import { Refus } from '@/lib/common/refus';
import { MAX_NAME_LENGTH } from '../noms';
import type { EnseignantLigne, EnseignantsFichier } from './fichier';

export const ENSEIGNANTS_MAX_BYTES = 1024 * 1024;
const MAX_LINES = 2000;

const COLUMNS = ['nom', 'prenom', 'courriel', 'identifiant_ent'] as const;
type Column = (typeof COLUMNS)[number];

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: what a French Windows spreadsheet saves.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function headerName(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

// A deliberately plain check: one @, something on each side, a dot in the domain.
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]+\.[^\s@<>"]{2,}$/;

export function parseEnseignantsCsv(
  bytes: Uint8Array,
  fournisseur: FournisseurEnt,
): EnseignantsFichier {
  if (bytes.length === 0) throw new Refus('Le fichier est vide.');
  if (bytes.length > ENSEIGNANTS_MAX_BYTES) throw new Refus('Le fichier dépasse 1 Mo.');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(decode(bytes), {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new Refus(`Le fichier n’est pas un CSV lisible : ${(error as Error).message}`);
  }
  // A spreadsheet saves the rows it once formatted as `;;;;`: nothing to read there. Each row
  // keeps its line in the file, for the messages.
  const [first, ...lines] = rows.filter((row) => row.record.some((cell) => cell !== ''));
  const header = first?.record;
  if (!header) throw new Refus('Le fichier est vide.');
  const index = new Map<Column, number>();
  header.forEach((cell, i) => {
    const name = headerName(cell) as Column;
    if (COLUMNS.includes(name) && !index.has(name)) index.set(name, i);
  });
  const missing = (['nom', 'prenom', 'courriel'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new Refus(
      `Colonnes manquantes : ${missing.join(', ')}. La première ligne doit nommer les colonnes nom;prenom;courriel (et, si besoin, identifiant_ent), séparées par des points-virgules.`,
    );
  }
  if (lines.length > MAX_LINES) {
    throw new Refus(`Le fichier compte ${lines.length} lignes : la limite est de ${MAX_LINES}.`);
  }
  const erreurs: string[] = [];
  const lignes: EnseignantLigne[] = [];
  const seen = new Map<string, number>();
  const seenEnt = new Map<string, number>();
  lines.forEach(({ record: cells, info }) => {
    const ligne = info.lines;
    const withNul = COLUMNS.filter((c) => hasNul(cells[index.get(c) ?? -1] ?? ''));
    if (withNul.length > 0) {
      erreurs.push(`Ligne ${ligne}, colonne ${withNul.join(', ')} : ${NUL_MESSAGE}`);
      return;
    }
    const cell = (c: Column) => {
      const at = index.get(c);
      return at === undefined ? '' : (cells[at] ?? '').replace(/\s+/g, ' ').trim();
    };
    const nom = cell('nom');
    const prenom = cell('prenom');
    const courriel = cell('courriel').toLowerCase();
    const identifiantEnt = cell('identifiant_ent') || null;
    if (!nom || !prenom) {
      erreurs.push(`Ligne ${ligne} : nom ou prénom manquant.`);
      return;
    }
    if (nom.length > MAX_NAME_LENGTH || prenom.length > MAX_NAME_LENGTH) {
      erreurs.push(
        `Ligne ${ligne} : nom ou prénom trop long (${MAX_NAME_LENGTH} caractères au plus).`,
      );
      return;
    }
    if (!EMAIL.test(courriel)) {
      erreurs.push(`Ligne ${ligne} : courriel « ${courriel} » invalide.`);
      return;
    }
    if (identifiantEnt && identifiantEnt.length > 256) {
      erreurs.push(`Ligne ${ligne} : identifiant ENT trop long (256 caractères au plus).`);
      return;
    }
    const first = seen.get(courriel);
    if (first !== undefined) {
      erreurs.push(`Ligne ${ligne} : le courriel ${courriel} figure déjà ligne ${first}.`);
      return;
    }
    const firstEnt = identifiantEnt === null ? undefined : seenEnt.get(identifiantEnt);
    if (firstEnt !== undefined) {
      erreurs.push(
        `Ligne ${ligne} : l’identifiant ENT ${identifiantEnt} figure déjà ligne ${firstEnt} (un identifiant, un compte).`,
      );
      return;
    }
    seen.set(courriel, ligne);
    if (identifiantEnt !== null) seenEnt.set(identifiantEnt, ligne);
    lignes.push({ ligne, nom, prenom, courriel, identifiantEnt });
  });
  if (lignes.length === 0 && erreurs.length === 0)
    throw new Refus('Le fichier ne contient aucun enseignant.');
  return { lignes, fournisseur, erreurs };
}

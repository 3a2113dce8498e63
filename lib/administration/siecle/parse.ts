// Reads SIECLE's « ElevesSansAdresses » export (root BEE_ELEVES) as a stream of XML events
// (saxes), keeping only what the module uses: memory grows with the pupils, never with the
// file's other fields. A DOCTYPE is refused before any entity could be declared (SIECLE never
// sends one; saxes expands none). Variants met in real exports, as SACoche and Pix read them:
// NOM (older files) or NOM_DE_FAMILLE, NOM_USAGE first where present, STRUCTURES before or
// after ELEVES, groups (TYPE_STRUCTURE G) and the « Inactifs » pseudo-division ignored.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { parseIsoDate } from '@/lib/common/dates';
import { Refus } from '../refus';
import type { SiecleEleve, SiecleFichier } from './fichier';

const ELEVE_FIELDS = new Set([
  'ID_NATIONAL',
  'NOM_DE_FAMILLE',
  'NOM',
  'NOM_USAGE',
  'PRENOM',
  'CODE_MEF',
  'DATE_SORTIE',
]);
const STRUCTURE_FIELDS = new Set(['CODE_STRUCTURE', 'TYPE_STRUCTURE']);
const PARAMETRE_FIELDS = new Set(['UAJ', 'ANNEE_SCOLAIRE']);

/** Collapses the spaces SIECLE pads with; empty is null. */
function clean(value: string | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** jj/mm/aaaa → aaaa-mm-jj, or null when it names no real day. */
export function parseSiecleDate(value: string): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  return match ? parseIsoDate(`${match[3]}-${match[2]}-${match[1]}`) : null;
}

interface EleveBrut {
  eleveId: string | null;
  champs: Map<string, string>;
  ligne: number;
}

interface Division {
  code: string;
  ligne: number;
}

export function parseSiecle(text: string): SiecleFichier {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const path: string[] = [];
  const parametres = new Map<string, string>();
  const eleves: EleveBrut[] = [];
  const divisions = new Map<string, Division[]>();
  let eleve: EleveBrut | null = null;
  let structureEleveId: string | null = null;
  let structure = new Map<string, string>();
  let champ: string | null = null;
  let texte = '';

  parser.on('doctype', () => {
    throw new Refus('Le fichier déclare un DOCTYPE : un export SIECLE n’en a pas, il est refusé.');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const parent = path.join('/');
    path.push(tag.name);
    if (path.length === 1 && tag.name !== 'BEE_ELEVES') {
      throw new Refus(
        `Ce fichier n’est pas l’export SIECLE « ElevesSansAdresses » (élément racine « ${tag.name} », BEE_ELEVES attendu).`,
      );
    }
    if (parent === 'BEE_ELEVES/PARAMETRES' && PARAMETRE_FIELDS.has(tag.name)) {
      champ = tag.name;
      texte = '';
    } else if (parent === 'BEE_ELEVES/DONNEES/ELEVES' && tag.name === 'ELEVE') {
      eleve = { eleveId: clean(tag.attributes.ELEVE_ID), champs: new Map(), ligne: parser.line };
    } else if (eleve && path.length === 5 && ELEVE_FIELDS.has(tag.name)) {
      champ = tag.name;
      texte = '';
    } else if (parent === 'BEE_ELEVES/DONNEES/STRUCTURES' && tag.name === 'STRUCTURES_ELEVE') {
      structureEleveId = clean(tag.attributes.ELEVE_ID);
    } else if (structureEleveId !== null && tag.name === 'STRUCTURE' && path.length === 5) {
      structure = new Map();
    } else if (structureEleveId !== null && path.length === 6 && STRUCTURE_FIELDS.has(tag.name)) {
      champ = tag.name;
      texte = '';
    }
  });
  parser.on('text', (t) => {
    if (champ) texte += t;
  });
  parser.on('cdata', (t) => {
    if (champ) texte += t;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    if (champ === tag.name) {
      if (path.length === 2) parametres.set(tag.name, texte);
      else if (path.length === 4 && eleve) eleve.champs.set(tag.name, texte);
      else if (path.length === 5) structure.set(tag.name, texte);
      champ = null;
    } else if (tag.name === 'ELEVE' && path.length === 3 && eleve) {
      eleves.push(eleve);
      eleve = null;
    } else if (tag.name === 'STRUCTURE' && path.length === 4 && structureEleveId !== null) {
      const code = clean(structure.get('CODE_STRUCTURE'));
      if (clean(structure.get('TYPE_STRUCTURE')) === 'D' && code && code !== 'Inactifs') {
        const list = divisions.get(structureEleveId) ?? [];
        list.push({ code, ligne: parser.line });
        divisions.set(structureEleveId, list);
      }
    } else if (tag.name === 'STRUCTURES_ELEVE' && path.length === 3) {
      structureEleveId = null;
    }
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refus) throw error;
    // saxes says « 12:4: unexpected close tag. » — the line and what is wrong.
    const detail = (error as Error).message.replace(/^(?:[^:\s]*:)?(\d+):(\d+): /, 'ligne $1 : ');
    throw new Refus(`Le fichier n’est pas un XML bien formé (${detail})`);
  }
  return toFichier(parametres, eleves, divisions);
}

function toFichier(
  parametres: Map<string, string>,
  bruts: EleveBrut[],
  divisions: Map<string, Division[]>,
): SiecleFichier {
  const uaj = clean(parametres.get('UAJ'))?.toUpperCase();
  if (!uaj) throw new Refus('Le fichier ne donne pas l’UAI de l’établissement (PARAMETRES/UAJ).');
  const annee = clean(parametres.get('ANNEE_SCOLAIRE'));
  if (!annee || !/^\d{4}$/.test(annee)) {
    throw new Refus(
      'Le fichier ne donne pas son année scolaire (PARAMETRES/ANNEE_SCOLAIRE, par exemple 2026 pour 2026-2027).',
    );
  }
  const erreurs: string[] = [];
  const eleves: SiecleEleve[] = [];
  const parId = new Map<string, number>();
  const parIne = new Map<string, number>();
  for (const brut of bruts) {
    const ligne = brut.ligne;
    if (!brut.eleveId) {
      erreurs.push(`Ligne ${ligne} : un élève sans attribut ELEVE_ID.`);
      continue;
    }
    const premier = parId.get(brut.eleveId);
    if (premier !== undefined) {
      throw new Refus(
        `L’élève ELEVE_ID ${brut.eleveId} figure deux fois dans le fichier (lignes ${premier} et ${ligne}).`,
      );
    }
    parId.set(brut.eleveId, ligne);
    const ine = clean(brut.champs.get('ID_NATIONAL'))?.toUpperCase() ?? null;
    if (ine) {
      const autre = parIne.get(ine);
      if (autre !== undefined) {
        throw new Refus(
          `L’INE ${ine} figure deux fois dans le fichier (lignes ${autre} et ${ligne}) : corrigez-le dans SIECLE.`,
        );
      }
      parIne.set(ine, ligne);
    }
    const nom =
      clean(brut.champs.get('NOM_USAGE')) ??
      clean(brut.champs.get('NOM_DE_FAMILLE')) ??
      clean(brut.champs.get('NOM'));
    const prenom = clean(brut.champs.get('PRENOM'));
    if (!nom || !prenom) {
      erreurs.push(
        `Ligne ${ligne} : l’élève ELEVE_ID ${brut.eleveId} n’a pas de nom ou de prénom.`,
      );
      continue;
    }
    const sortieBrute = clean(brut.champs.get('DATE_SORTIE'));
    const dateSortie = sortieBrute ? parseSiecleDate(sortieBrute) : null;
    if (sortieBrute && !dateSortie) {
      erreurs.push(
        `Ligne ${ligne} : date de sortie « ${sortieBrute} » invalide pour ${nom} ${prenom} (jj/mm/aaaa attendu).`,
      );
      continue;
    }
    const siennes = divisions.get(brut.eleveId) ?? [];
    const codes = [...new Set(siennes.map((d) => d.code))];
    if (codes.length > 1) {
      erreurs.push(
        `Ligne ${ligne} : ${nom} ${prenom} est dans plusieurs divisions (${codes.join(', ')}).`,
      );
      continue;
    }
    eleves.push({
      eleveId: brut.eleveId,
      ine,
      nom,
      prenom,
      codeMef: clean(brut.champs.get('CODE_MEF')),
      dateSortie,
      division: codes[0] ?? null,
      ligne,
    });
  }
  const debut = Number(annee);
  return { uaj, anneeScolaire: `${debut}-${debut + 1}`, eleves, erreurs };
}

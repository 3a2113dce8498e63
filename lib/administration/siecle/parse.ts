// Reads SIECLE's « ElevesSansAdresses » export (root BEE_ELEVES) as a stream of XML events
// (lib/administration/xml/events.ts: linear time, a depth limit, no DOCTYPE), keeping only
// what the module uses: memory grows with the pupils, never with the file's other fields. Variants met in real exports, as SACoche and Pix read them:
// NOM (older files) or NOM_DE_FAMILLE, NOM_USAGE first where present, STRUCTURES before or
// after ELEVES, groups (TYPE_STRUCTURE G) and the « Inactifs » pseudo-division ignored.
import 'server-only';
import { parseIsoDate } from '@/lib/common/dates';
import { Refus } from '@/lib/common/refus';
import { MAX_NAME_LENGTH } from '../noms';
import { readXmlEvents } from '../xml/events';
import type { SiecleEleve, SiecleFichier } from './fichier';
import { SIECLE_FORMAT } from './limits';

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

const ELEVES = 'BEE_ELEVES/DONNEES/ELEVES';
const STRUCTURES = 'BEE_ELEVES/DONNEES/STRUCTURES';

export async function parseSiecle(text: string): Promise<SiecleFichier> {
  const parametres = new Map<string, string>();
  const eleves: EleveBrut[] = [];
  const divisions = new Map<string, Division[]>();
  let eleve: EleveBrut | null = null;
  let structureEleveId: string | null = null;
  let structure = new Map<string, string>();
  /** The field whose text is being read, and where its value goes. */
  let champ: { path: string; into: Map<string, string> } | null = null;
  let texte = '';
  const read = (path: string, into: Map<string, string>) => {
    champ = { path, into };
    texte = '';
  };

  await readXmlEvents(text, SIECLE_FORMAT, {
    open(path, tag, line) {
      const name = tag.name;
      const parent = path.slice(0, path.length - name.length - 1);
      if (parent === 'BEE_ELEVES/PARAMETRES' && PARAMETRE_FIELDS.has(name)) {
        read(path, parametres);
      } else if (parent === ELEVES && name === 'ELEVE') {
        eleve = { eleveId: clean(tag.attributes.ELEVE_ID), champs: new Map(), ligne: line };
      } else if (eleve && parent === `${ELEVES}/ELEVE` && ELEVE_FIELDS.has(name)) {
        read(path, eleve.champs);
      } else if (parent === STRUCTURES && name === 'STRUCTURES_ELEVE') {
        structureEleveId = clean(tag.attributes.ELEVE_ID);
      } else if (structureEleveId !== null && parent === `${STRUCTURES}/STRUCTURES_ELEVE`) {
        if (name === 'STRUCTURE') structure = new Map();
      } else if (
        structureEleveId !== null &&
        parent === `${STRUCTURES}/STRUCTURES_ELEVE/STRUCTURE` &&
        STRUCTURE_FIELDS.has(name)
      ) {
        read(path, structure);
      }
    },
    text(t) {
      if (champ) texte += t;
    },
    close(path, name, line) {
      if (champ?.path === path) {
        champ.into.set(name, texte);
        champ = null;
      } else if (path === `${ELEVES}/ELEVE` && eleve) {
        eleves.push(eleve);
        eleve = null;
      } else if (path === `${STRUCTURES}/STRUCTURES_ELEVE/STRUCTURE` && structureEleveId !== null) {
        const code = clean(structure.get('CODE_STRUCTURE'));
        if (clean(structure.get('TYPE_STRUCTURE')) === 'D' && code && code !== 'Inactifs') {
          const list = divisions.get(structureEleveId) ?? [];
          list.push({ code, ligne: line });
          divisions.set(structureEleveId, list);
        }
      } else if (path === `${STRUCTURES}/STRUCTURES_ELEVE`) {
        structureEleveId = null;
      }
    },
  });
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
    if (nom.length > MAX_NAME_LENGTH || prenom.length > MAX_NAME_LENGTH) {
      erreurs.push(
        `Ligne ${ligne} : l’élève ELEVE_ID ${brut.eleveId} a un nom ou un prénom de plus de ${MAX_NAME_LENGTH} caractères.`,
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

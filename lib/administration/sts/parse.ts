// Reads STS-Web's « emploi du temps » export (sts_emp_<UAI>_<année>.xml, root STS_EDT) as a
// stream of XML events (lib/administration/xml/events.ts: linear time, a depth limit, no
// DOCTYPE), keeping who teaches in which division. The variants SACoche and SambaEdu's readers
// meet: individuals without FONCTION (long leave, retirement) keep leftover services that are
// ignored; NOM_USAGE else NOM_PATRONYMIQUE; a group's services (GROUPES/GROUPE, half classes in
// workshops) count for the divisions it belongs to (DIVISIONS_APPARTENANCE); a division's
// principal teacher (PROFS_PRINC) is in its team.
import 'server-only';
import { Refus } from '@/lib/common/refus';
import { MAX_NAME_LENGTH } from '../noms';
import { readXmlEvents } from '../xml/events';
import type { StsFichier, StsIndividu } from './fichier';
import { STS_FORMAT } from './limits';

const INDIVIDU = 'STS_EDT/DONNEES/INDIVIDUS/INDIVIDU';
const DIVISION = 'STS_EDT/DONNEES/STRUCTURE/DIVISIONS/DIVISION';
const GROUPE = 'STS_EDT/DONNEES/STRUCTURE/GROUPES/GROUPE';

function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

export async function parseSts(text: string): Promise<StsFichier> {
  let uaj = '';
  let annee = '';
  const individus = new Map<string, Partial<StsIndividu> & { id: string }>();
  const divisions = new Map<string, Set<string>>();
  const groupes: { divisions: string[]; enseignants: string[] }[] = [];
  let individu: (Partial<StsIndividu> & { id: string }) | null = null;
  let champ: string | null = null;
  let texte = '';
  let division: string | null = null;
  let groupe: { divisions: string[]; enseignants: string[] } | null = null;
  let profPrinc: string | null = null;

  const teaches = (code: string, id: string) => {
    const set = divisions.get(code) ?? new Set<string>();
    set.add(id);
    divisions.set(code, set);
  };

  await readXmlEvents(text, STS_FORMAT, {
    open(path, tag) {
      const attr = (name: string) => clean(tag.attributes[name] as string | undefined);
      if (path === 'STS_EDT/PARAMETRES/UAJ') uaj = attr('CODE').toUpperCase();
      else if (path === 'STS_EDT/PARAMETRES/ANNEE_SCOLAIRE') annee = attr('ANNEE');
      else if (path === INDIVIDU) {
        individu = { id: attr('ID') };
      } else if (
        individu &&
        ['NOM_USAGE', 'NOM_PATRONYMIQUE', 'PRENOM', 'FONCTION'].some(
          (f) => path === `${INDIVIDU}/${f}`,
        )
      ) {
        champ = tag.name;
        texte = '';
      } else if (individu && path === `${INDIVIDU}/PROFS_PRINC/PROF_PRINC/CODE_STRUCTURE`) {
        champ = 'CODE_STRUCTURE';
        texte = '';
      } else if (path === DIVISION) {
        division = attr('CODE');
        if (division && !divisions.has(division)) divisions.set(division, new Set());
      } else if (division && path === `${DIVISION}/SERVICES/SERVICE/ENSEIGNANTS/ENSEIGNANT`) {
        if (attr('ID')) teaches(division, attr('ID'));
      } else if (path === GROUPE) {
        groupe = { divisions: [], enseignants: [] };
      } else if (groupe && path === `${GROUPE}/DIVISIONS_APPARTENANCE/DIVISION_APPARTENANCE`) {
        if (attr('CODE')) groupe.divisions.push(attr('CODE'));
      } else if (groupe && path === `${GROUPE}/SERVICES/SERVICE/ENSEIGNANTS/ENSEIGNANT`) {
        if (attr('ID')) groupe.enseignants.push(attr('ID'));
      }
    },
    text(t) {
      if (champ) texte += t;
    },
    close(path) {
      if (champ && individu && path.endsWith(`/${champ}`)) {
        const value = clean(texte);
        if (champ === 'NOM_USAGE') individu.nom = value || individu.nom;
        else if (champ === 'NOM_PATRONYMIQUE') individu.nom ??= value;
        else if (champ === 'PRENOM') individu.prenom = value;
        else if (champ === 'FONCTION') individu.fonction = value;
        else if (champ === 'CODE_STRUCTURE') profPrinc = value;
        champ = null;
      } else if (path === `${INDIVIDU}/PROFS_PRINC/PROF_PRINC` && individu && profPrinc) {
        teaches(profPrinc, individu.id);
        profPrinc = null;
      } else if (path === INDIVIDU && individu) {
        if (individu.id) individus.set(individu.id, individu);
        individu = null;
      } else if (path === DIVISION) {
        division = null;
      } else if (path === GROUPE && groupe) {
        groupes.push(groupe);
        groupe = null;
      }
    },
  });

  if (!uaj) throw new Refus('Le fichier ne donne pas l’UAI de l’établissement (PARAMETRES/UAJ).');
  if (!/^\d{4}$/.test(annee)) {
    throw new Refus(
      'Le fichier ne donne pas son année scolaire (PARAMETRES/ANNEE_SCOLAIRE, par exemple 2026 pour 2026-2027).',
    );
  }
  for (const g of groupes) {
    for (const code of g.divisions) for (const id of g.enseignants) teaches(code, id);
  }
  // Individuals without a function (long leave, retirement): their leftover services do not
  // make them teach. Names bounded as everywhere.
  const actifs = [...individus.values()].filter(
    (i): i is StsIndividu =>
      !!i.fonction &&
      !!i.nom &&
      !!i.prenom &&
      i.nom.length <= MAX_NAME_LENGTH &&
      i.prenom.length <= MAX_NAME_LENGTH,
  );
  const known = new Set(actifs.map((i) => i.id));
  const debut = Number(annee);
  return {
    uaj,
    anneeScolaire: `${debut}-${debut + 1}`,
    individus: actifs.sort(
      (a, b) => a.nom.localeCompare(b.nom, 'fr') || a.prenom.localeCompare(b.prenom, 'fr'),
    ),
    divisions: [...divisions.entries()]
      .map(([code, ids]) => ({ code, enseignants: [...ids].filter((id) => known.has(id)).sort() }))
      .sort((a, b) => a.code.localeCompare(b.code, 'fr')),
  };
}

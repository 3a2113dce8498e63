// The preview of an STS-Web import as plain French text, for `npm run import:sts`.
import 'server-only';
import type { PersonneSts, StsPlan } from './plan';

const nom = (p: PersonneSts) => `${p.nom} ${p.prenom}`;

export function stsReport(plan: StsPlan): string {
  const lines: string[] = [`Année scolaire ${plan.anneeScolaire}.`, '', 'Équipes :'];
  for (const d of plan.divisions) {
    lines.push(
      `  ${d.code.padEnd(12)} ${d.enseignants.map((e) => (e.compte ? nom(e) : `${nom(e)} (sans compte)`)).join(', ') || 'aucun enseignant'}`,
    );
    for (const p of d.ajoutes) lines.push(`    + ${nom(p)}`);
    for (const p of d.retires) lines.push(`    − ${nom(p)}`);
  }
  const w = plan.ecritures;
  lines.push(
    '',
    `Ajouts : ${w.ajouts.length} · retraits : ${w.retraits.length} · comptes rattachés à leur identifiant STS : ${w.identifiants.length}`,
  );
  if (plan.nonReconnus.length > 0) {
    lines.push(
      `Sans compte dans le module (créez-le, puis importez de nouveau) : ${plan.nonReconnus.map(nom).join(', ')}`,
    );
  }
  for (const a of plan.ambigus) lines.push(`Ambigu : ${a}`);
  if (plan.desactives.length > 0) {
    lines.push(`Comptes désactivés, non ajoutés : ${plan.desactives.map(nom).join(', ')}`);
  }
  if (plan.divisionsInconnues.length > 0) {
    lines.push(
      `Divisions sans classe de l’année (importez SIECLE d’abord) : ${plan.divisionsInconnues.join(', ')}`,
    );
  }
  return lines.join('\n');
}

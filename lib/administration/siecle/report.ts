// The preview of a SIECLE import as plain French text, for `npm run import:siecle`.
import 'server-only';
import { formatDateFr } from '@/lib/common/dates';
import { blockingProblems, type ImportPlan } from './plan';
import { compte } from '@/lib/common/pluriel';

const ORIGINE = {
  classe: 'classe existante',
  mef: 'MEF connu',
  choix: 'choix enregistré',
  'a-choisir': 'À CHOISIR',
};

export function planReport(plan: ImportPlan, eleves: number): string {
  const lines: string[] = [
    `Année scolaire ${plan.anneeScolaire} : ${compte(eleves, 'élève', 'élèves')} dans le fichier.`,
    '',
    'Divisions :',
  ];
  for (const d of plan.divisions) {
    lines.push(
      `  ${d.code.padEnd(12)} ${compte(d.effectif, 'élève', 'élèves').padStart(11)}  MEF ${d.mefs.join(', ') || '—'}  → ${d.referentiel?.libelle ?? '?'} (${ORIGINE[d.origine]})`,
    );
  }
  lines.push(
    '',
    `Nouveaux : ${plan.nouveaux.length} · mis à jour : ${plan.modifies.length} · changements de classe : ${plan.deplaces.length} · sorties : ${plan.sortis.length} · inchangés : ${plan.inchanges}${plan.ignores > 0 ? ` · sortis jamais importés (ignorés) : ${plan.ignores}` : ''}`,
  );
  for (const p of plan.modifies) lines.push(`  mis à jour : ${p.avant} → ${p.nom} ${p.prenom}`);
  for (const p of plan.deplaces)
    lines.push(`  classe : ${p.nom} ${p.prenom} ${p.de ?? 'aucune'} → ${p.division}`);
  for (const p of plan.sortis)
    lines.push(`  sortie : ${p.nom} ${p.prenom} le ${formatDateFr(p.dateSortie)}`);
  for (const a of plan.avertissements) lines.push(`Avertissement : ${a}`);
  for (const e of blockingProblems(plan)) lines.push(`Erreur : ${e}`);
  return lines.join('\n');
}

// The administration journal as a table: when, who, what, with its counts in words.
import { AdminTable } from './admin-table';
import type { EntreeJournal } from '@/lib/administration/journal';
import { formatDateTimeFr } from '@/lib/common/dates';
import { TD } from './section';

const ACTIONS: Record<string, string> = {
  import_siecle: 'Import SIECLE appliqué',
  import_enseignants: 'Import des enseignants appliqué',
  compte_cree: 'Compte créé',
  compte_desactive: 'Compte désactivé',
  compte_reactive: 'Compte réactivé',
  identite_liee: 'Identité ENT liée',
  identite_deliee: 'Identité ENT déliée',
  periode_creee: 'Période créée',
  periode_modifiee: 'Période modifiée',
  periode_supprimee: 'Période supprimée',
  jeton_pronote_cree: 'Jeton PRONOTE créé',
  jeton_pronote_revoque: 'Jeton PRONOTE révoqué',
  jeton_alimentation_cree: 'Jeton d’alimentation créé',
  jeton_alimentation_revoque: 'Jeton d’alimentation révoqué',
  equipe_enseignant_ajoute: 'Enseignant ajouté à une équipe',
  equipe_enseignant_retire: 'Enseignant retiré d’une équipe',
  import_sts: 'Import STS-Web appliqué',
};

const LABELS: Record<string, string> = {
  annee: 'année',
  divisions: 'divisions',
  nouveaux: 'nouveaux',
  modifies: 'modifiés',
  deplaces: 'changements de classe',
  sortis: 'sorties',
  inchanges: 'inchangés',
  classesCreees: 'classes créées',
  reactives: 'réactivés',
  identites: 'identités ENT',
  absents: 'absents du fichier',
  compte: 'compte',
  classe: 'classe',
  equipes: 'équipes',
  ajouts: 'ajouts',
  identifiantsSts: 'identifiants STS',
  fournisseur: 'ENT',
  libelle: 'libellé',
  debut: 'début',
  fin: 'fin',
  jeton: 'jeton',
  role: 'rôle',
};

function detailsText(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${LABELS[key] ?? key} : ${String(value)}`)
    .join(' · ');
}

export function JournalTable({ entrees, caption }: { entrees: EntreeJournal[]; caption: string }) {
  return (
    <AdminTable caption={caption} columns={['Date', 'Par', 'Action', 'Détails']}>
      <tbody>
        {entrees.map((e) => (
          <tr key={e.id}>
            <td className={`${TD} whitespace-nowrap`}>{formatDateTimeFr(e.creeLe)}</td>
            <td className={TD}>{e.auteur}</td>
            <td className={TD}>{ACTIONS[e.action] ?? e.action}</td>
            <td className={TD}>{detailsText(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </AdminTable>
  );
}

import type { Metadata } from 'next';
import { loadEnseignantsPreview } from '@/lib/pages/administration';
import { ApplyFooter } from '@/lib/ui/administration/apply-footer';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { applyEnseignantsImport } from '@/lib/administration/actions/enseignants';
import { PeopleList, ProblemList } from '@/lib/ui/administration/people-list';
import { Section } from '@/lib/ui/administration/section';
import { compte } from '@/lib/common/pluriel';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Aperçu de l’import des enseignants — Administration' };

export default async function EnseignantsPreviewPage({
  params,
}: {
  params: Promise<{ importId: string }>;
}) {
  const page = await loadEnseignantsPreview((await params).importId);
  const { plan } = page;
  const line = (l: { nom: string; prenom: string; courriel: string }) =>
    `${l.nom} ${l.prenom} <${l.courriel}>`;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Aperçu de l’import des enseignants</h1>
      <p className="mt-2 text-slate-700">
        {compte(page.lignes, 'enseignant', 'enseignants')} dans le fichier. Rien n’a encore été
        modifié.
      </p>
      <ProblemList
        tone="erreur"
        title="Erreurs : corrigez le fichier, puis déposez-le de nouveau"
        items={plan.erreurs}
      />
      <Section id="resume" title="Ce que l’import changera">
        <ul className="list-disc space-y-1 pl-6 text-slate-800">
          <li>{compte(plan.nouveaux.length, 'compte créé', 'comptes créés')}</li>
          <li>{compte(plan.modifies.length, 'compte renommé', 'comptes renommés')}</li>
          <li>{compte(plan.reactives.length, 'compte réactivé', 'comptes réactivés')}</li>
          <li>
            {compte(plan.identites.length, 'identité ENT liée', 'identités ENT liées')} à un compte
            existant
          </li>
          <li>{compte(plan.inchanges, 'compte inchangé', 'comptes inchangés')}</li>
        </ul>
        <PeopleList summary={`Créés (${plan.nouveaux.length})`} items={plan.nouveaux.map(line)} />
        <PeopleList
          summary={`Renommés (${plan.modifies.length})`}
          items={plan.modifies.map((l) => `${l.avant} → ${line(l)}`)}
        />
        <PeopleList
          summary={`Réactivés (${plan.reactives.length})`}
          items={plan.reactives.map(line)}
        />
        <PeopleList
          summary={`Identités ENT (${plan.identites.length})`}
          items={plan.identites.map((l) => `${line(l)} : ${l.identifiantEnt ?? ''}`)}
        />
        {plan.absents.length > 0 && (
          <>
            <p className="mt-4 text-slate-800">
              {compte(plan.absents.length, 'enseignant actif absent', 'enseignants actifs absents')}{' '}
              du fichier : leur compte reste actif ; désactivez-le depuis la liste des comptes s’ils
              ont quitté l’établissement.
            </p>
            <PeopleList
              summary={`Absents du fichier (${plan.absents.length})`}
              items={plan.absents.map((a) => `${a.nom} ${a.prenom} <${a.email}>`)}
            />
          </>
        )}
      </Section>
      <ActionForm
        action={applyEnseignantsImport.bind(null, page.importId)}
        label="Appliquer l’import des enseignants"
      >
        <ApplyFooter
          canApply={plan.erreurs.length === 0}
          cancelHref="/administration/enseignants"
          cancelLabel="Annuler"
        />
      </ActionForm>
    </main>
  );
}

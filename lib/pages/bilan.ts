// Data of the bilan page (/bilans/<apprenantId>[/<bilanId>]): the teacher, one query for
// everything the page shows, a 404 for anything not found in the teacher's establishment,
// and the view queued for the access trace (lib/trace/trace-queue.ts); then what the teacher
// may write for the pupil and the class's documents — all of it one loader for the page.
import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { formatDateFr } from '@/lib/common/dates';
import { after } from 'next/server';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import { type BilanPageView } from '@/lib/bilans/bilan-view';
import { getBilanPage } from '@/lib/bilans/bilan-page-query';
import { normalizeUuid } from '@/lib/common/ids';
import { consultations } from '@/lib/trace/consultations';
import { lecteurOf } from '@/lib/trace/acces';
import { todayInParis } from '@/lib/common/dates';
import { writableClassOf } from '@/lib/equipes/equipes';
import { historiqueLine, historiqueOf } from '@/lib/redaction/historique';
import { classDocumentButtons } from '@/lib/impression/documents';
import type { ClassDocumentButton } from '@/lib/ui/bilans/class-documents';

/**
 * Cached for the request: the page and its metadata (document title) read it once, and the
 * view is traced once.
 */
/** What the teacher may write for the pupil, and who wrote the bilan shown. */
export interface BilanPageWriting {
  /** « Rédiger un bilan » / « Reprendre le brouillon », for a member of the class's team. */
  redaction: { href: string; label: string } | null;
  /** « Saisie des bilans » of the class shown: the teacher is in its team, this year. */
  saisie: boolean;
  /** « Rédigé par … · validé par … le … », or null. */
  auteurs: string | null;
}

/** The writing side of the bilan page: the team checked, the history of the shown bilan. */
const loadBilanWriting = cache(async function loadBilanWriting(
  view: BilanPageView,
): Promise<BilanPageWriting> {
  const teacher = await requireTeacher();
  return withDatabase(async () => {
    const db = await getDb();
    const [classe, historique] = await Promise.all([
      writableClassOf(db, teacher.etablissement.id, teacher.id, view.apprenant.id, todayInParis()),
      view.affiche ? historiqueOf(db, teacher.etablissement.id, view.affiche.id) : null,
    ]);
    const brouillon = view.bilans.some((b) => !b.valide);
    return {
      redaction: classe
        ? {
            href: `/bilans/${view.apprenant.id}/rediger`,
            label: brouillon ? 'Reprendre le brouillon' : 'Rédiger un bilan',
          }
        : null,
      saisie: classe?.id === view.classe.id,
      auteurs:
        historique && view.affiche ? historiqueLine(historique, view.affiche.valideLe) : null,
    };
  });
});

const loadBilanPage = cache(async function loadBilanPage(
  rawApprenantId: string,
  rawBilanId: string | null,
  /** `?classe=`: the class the teacher came from (ignored when malformed or not the pupil's). */
  rawClasseId: string | null = null,
): Promise<BilanPageView> {
  const teacher = await requireTeacher();
  const apprenantId = normalizeUuid(rawApprenantId);
  const bilanId = rawBilanId === null ? null : normalizeUuid(rawBilanId);
  if (!apprenantId || (rawBilanId !== null && !bilanId)) notFound();
  const classeId = normalizeUuid(rawClasseId);
  const view = await withDatabase(async () =>
    getBilanPage(await getDb(), teacher.etablissement.id, apprenantId, bilanId, {
      selection: true,
      classeId,
    }),
  );
  if (!view) notFound();
  const shown = view.affiche;
  if (shown) {
    after(
      consultations().add({
        lecteur: lecteurOf(teacher),
        access: {
          action: 'consultation',
          route: bilanId ? `/bilans/${apprenantId}/${bilanId}` : `/bilans/${apprenantId}`,
          apprenantId: view.apprenant.id,
          bilanId: shown.id,
        },
        at: new Date(),
      }),
    );
  }
  return view;
});

/** Everything the bilan page shows. */
export interface BilanScreen {
  view: BilanPageView;
  writing: BilanPageWriting;
  documents: ClassDocumentButton[];
}

/** The bilan page's one loader (cached for the request: the page and its title share it). */
export const loadBilanScreen = cache(async function loadBilanScreen(
  rawApprenantId: string,
  rawBilanId: string | null,
  rawClasseId: string | null,
): Promise<BilanScreen> {
  const view = await loadBilanPage(rawApprenantId, rawBilanId, rawClasseId);
  return { view, writing: await loadBilanWriting(view), documents: classDocumentButtons() };
});

/** « Bilan de HUBERT Angie du 16/06/2016 » (the layout adds « — CPRO »). */
export function bilanPageTitle(view: BilanPageView): string {
  const who = `Bilan de ${view.apprenant.nom} ${view.apprenant.prenom}`;
  return view.affiche ? `${who} du ${formatDateFr(view.affiche.date)}` : who;
}

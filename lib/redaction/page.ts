// Data of « Rédiger un bilan » (/bilans/<apprenantId>/rediger): the teacher checked, then the
// pupil of their establishment (else 404) whose current class's team they are in (else the
// 403 page), the referential's competences with the previous bilan's levels, and the draft
// the form starts from — the pupil's current one, whoever started it, or a new one dated today.
import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import { normalizeUuid } from '@/lib/common/ids';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';
import { loadRedaction, type Redaction } from '@/lib/redaction/brouillon';
import { emptySaisie, MAX_TEXTE, saisieFields } from '@/lib/redaction/saisie';

export interface RedactionPage extends Redaction {
  initial: Record<string, string>;
  dateMin: string;
  dateMax: string;
  maxTexte: number;
}

export async function loadRedactionPage(rawApprenantId: string): Promise<RedactionPage> {
  const teacher = await requireTeacher();
  const apprenantId = normalizeUuid(rawApprenantId);
  if (!apprenantId) notFound();
  const today = todayInParis();
  const redaction = await withDatabase(async () =>
    loadRedaction(await getDb(), teacher.etablissement.id, teacher.id, apprenantId, today),
  );
  if (redaction === 'introuvable') notFound();
  if (redaction === 'interdit') forbidden();
  const saisie = redaction.brouillon?.saisie ?? emptySaisie(today);
  return {
    ...redaction,
    initial: saisieFields(saisie),
    dateMin: `${schoolYearOf(today).slice(0, 4)}-09-01`,
    dateMax: today,
    maxTexte: MAX_TEXTE,
  };
}

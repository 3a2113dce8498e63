// What goes when it no longer counts: sign-in counters whose window or lock is over, and
// print tokens used and expired, cached PDFs of a past day, long prints' news nobody asked
// for again in a day, sessions past their end. Run at every start and by
// `npm run trace:purge`.
import { purgeAttempts } from '@/lib/auth/throttle';
import { purgeSessions } from '@/lib/auth/sessions';
import type { Database } from '@/lib/db/types';
import { purgeUsedPrintTokens } from '@/lib/impression/print-access';
import { purgeOldPdfs } from '@/lib/pdf/cache';
import { purgeOldPrintProgress } from '@/lib/impression/print-progress';

export async function purgeExpired(db: Database): Promise<{
  connexionEchecs: number;
  jetonsImpression: number;
  pdf: number;
  impressionsEnCours: number;
  sessions: number;
}> {
  return {
    connexionEchecs: await purgeAttempts(db),
    jetonsImpression: await purgeUsedPrintTokens(db),
    pdf: await purgeOldPdfs(db),
    impressionsEnCours: await purgeOldPrintProgress(db),
    sessions: await purgeSessions(db),
  };
}

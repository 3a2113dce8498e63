// How far each long print has gone — pupils printed of how many — for the page a teacher's tab
// shows until the PDF is ready (lib/pages/impression.ts), shared by every instance in the
// database (`impressions_en_cours`): behind several instances the tab asks one or another, and
// only the instance that claimed a document's print prints it; the others read its progress.
// Filled by the print itself (producer.ts): a claimed print keeps its row up to date; a print
// nobody claimed (its PDF asked straight) keeps its news in this instance's memory only. A
// print that failed is said once, within a minute, then a new question starts it again; a row
// the printing instance stopped refreshing (it died) is taken over after the job budget. The
// printing instance keeps its own prints' news in memory: its answers need no query.
import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { PrintState } from '@/lib/common/print-state';
import { impressionsEnCours } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';

const FAILURE_KEPT_MS = 60_000;

export class PrintProgress {
  /** This instance's prints under way: their latest news, before the database has it. */
  private readonly near = new Map<string, { faits: number; total: number | null }>();
  /**
   * The prints this instance claimed: only they have a row to keep up to date. A print asked
   * straight at its PDF route was claimed by nobody: its news stays here (a waiting page on this
   * instance reads it), and costs no statement per pupil.
   */
  private readonly claimed = new Set<string>();

  constructor(
    private readonly database: () => Promise<Database>,
    /** How long a print may go without news before another instance takes it over. */
    private readonly staleMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private before(ms: number): Date {
    return new Date(this.now().getTime() - ms);
  }

  /**
   * Claims the print of `key` for this instance: true when no other print of it is under way
   * (none, a failure, or one abandoned), in one statement — of two instances asked at once,
   * one wins.
   */
  async claim(key: string): Promise<boolean> {
    const db = await this.database();
    const claimed = await db
      .insert(impressionsEnCours)
      .values({ cle: key, faits: 0, total: null, maj: this.now() })
      .onConflictDoUpdate({
        target: impressionsEnCours.cle,
        set: {
          faits: 0,
          total: null,
          erreur: null,
          reessayerDans: null,
          pret: false,
          maj: this.now(),
        },
        setWhere: sql`${impressionsEnCours.maj} < ${this.before(this.staleMs)} or ${impressionsEnCours.erreur} is not null or ${impressionsEnCours.pret}`,
      })
      .returning({ cle: impressionsEnCours.cle });
    if (claimed.length === 0) return false;
    this.near.set(key, { faits: 0, total: null });
    this.claimed.add(key);
    return true;
  }

  /**
   * `faits` sections (pupils) of `total` printed; never backwards (news may cross). How many is
   * said here at once; a count only once the database has it, so that another instance never
   * reads fewer pupils than this one said.
   */
  async advanced(key: string, faits: number, total: number): Promise<void> {
    if (!this.claimed.has(key)) {
      const known = this.near.get(key);
      this.near.set(key, { faits: Math.max(faits, known?.faits ?? 0), total });
      return;
    }
    if (this.near.get(key)?.total == null) this.near.set(key, { faits: 0, total });
    const db = await this.database();
    await db
      .update(impressionsEnCours)
      .set({
        faits: sql`greatest(${impressionsEnCours.faits}, ${faits})`,
        total,
        maj: this.now(),
      })
      .where(and(eq(impressionsEnCours.cle, key), sql`${impressionsEnCours.erreur} is null`));
    const known = this.near.get(key);
    // Finished meanwhile: nothing to remember.
    if (known) this.near.set(key, { faits: Math.max(faits, known.faits), total });
  }

  /**
   * The print is over. Cached: the next question finds the PDF in the cache. Not cached (too
   * large for it, or its write failed): the next question is told it is ready — once —, and the
   * PDF route prints it again, rather than this print starting over and over. Failed: nothing
   * here — `failedWith` says why, to whoever asks next.
   */
  async finished(key: string, outcome: 'cached' | 'not-cached' | 'failed'): Promise<void> {
    this.near.delete(key);
    // A print this instance did not claim (a bilan, the synthesis, a PDF asked straight) has no
    // row: no statement on every PDF printed.
    if (!this.claimed.delete(key) || outcome === 'failed') return;
    const cached = outcome === 'cached';
    const db = await this.database();
    const mine = and(eq(impressionsEnCours.cle, key), sql`${impressionsEnCours.erreur} is null`);
    if (cached) await db.delete(impressionsEnCours).where(mine);
    else await db.update(impressionsEnCours).set({ pret: true, maj: this.now() }).where(mine);
  }

  async failedWith(key: string, message: string, retryAfterSeconds: number | null): Promise<void> {
    this.near.delete(key);
    this.claimed.delete(key);
    const db = await this.database();
    const failure = { erreur: message, reessayerDans: retryAfterSeconds, maj: this.now() };
    await db
      .insert(impressionsEnCours)
      .values({ cle: key, ...failure })
      .onConflictDoUpdate({ target: impressionsEnCours.cle, set: failure });
  }

  /**
   * The print's state when one is known — under way and not abandoned, or failed within the
   * minute (said once: of two questions at once, one gets it) — else null: ready in the cache,
   * or to be started.
   */
  async take(key: string): Promise<PrintState | null> {
    const near = this.near.get(key);
    if (near) return { etat: 'en-cours', ...near };
    const db = await this.database();
    const [row] = await db.select().from(impressionsEnCours).where(eq(impressionsEnCours.cle, key));
    if (!row) return null;
    if (row.pret) {
      // Printed but not cached: said once, then a new question starts afresh.
      const [said] = await db
        .delete(impressionsEnCours)
        .where(and(eq(impressionsEnCours.cle, key), eq(impressionsEnCours.pret, true)))
        .returning({ cle: impressionsEnCours.cle });
      return said ? { etat: 'pret' } : null;
    }
    if (row.erreur === null) {
      if (row.maj < this.before(this.staleMs)) return null;
      return { etat: 'en-cours', faits: row.faits, total: row.total };
    }
    const [said] = await db
      .delete(impressionsEnCours)
      .where(and(eq(impressionsEnCours.cle, key), isNotNull(impressionsEnCours.erreur)))
      .returning();
    if (!said?.erreur || said.maj < this.before(FAILURE_KEPT_MS)) return null;
    return { etat: 'erreur', message: said.erreur, retryAfterSeconds: said.reessayerDans };
  }
}

/** Rows nobody asked about again for a day (a print abandoned, a failure never read). */
export async function purgeOldPrintProgress(db: Database, now = new Date()): Promise<number> {
  const purged = await db
    .delete(impressionsEnCours)
    .where(sql`${impressionsEnCours.maj} < ${new Date(now.getTime() - 24 * 3600_000)}`)
    .returning({ cle: impressionsEnCours.cle });
  return purged.length;
}

// The demo's accounts and the ids of the rows the tests and benchmarks aim at, derived
// exactly as the seed derives them (stable ids): import these instead of re-deriving them.
import { ARCHIVE_YEAR, DEMO_ACCOUNTS, DEMO_UAI, VOISIN_UAI } from './demo-data';
import { stableId } from './random';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data';

const classeKey = `${DEMO_UAI}|1re SN|${ARCHIVE_YEAR}`;
const angie = stableId('apprenant', classeKey, 'HUBERT', 'Angie');

export const DEMO_IDS = {
  etablissement: stableId('etablissement', DEMO_UAI),
  etablissementVoisin: stableId('etablissement', VOISIN_UAI),
  enseignant: stableId('utilisateur', DEMO_ACCOUNTS.enseignant),
  enseignantVoisin: stableId('utilisateur', DEMO_ACCOUNTS.enseignantVoisin),
  enseignant2: stableId('utilisateur', DEMO_ACCOUNTS.enseignant2),
  remplacant: stableId('utilisateur', DEMO_ACCOUNTS.remplacant),
  /** 1re SN 2015-2016, the reference class of the seed document. */
  classe: stableId('classe', classeKey),
  /** HUBERT Angie: bilans of 27/05/2016 and 16/06/2016. */
  angie,
  angiePremierBilan: stableId('bilan', angie, '2016-05-27'),
  angieDernierBilan: stableId('bilan', angie, '2016-06-16'),
  /** MARTIN Zoé: one bilan. */
  zoe: stableId('apprenant', classeKey, 'MARTIN', 'Zoé'),
  /** N'GUESSAN Aïcha: no bilan. */
  aicha: stableId('apprenant', classeKey, "N'GUESSAN", 'Aïcha'),
} as const;

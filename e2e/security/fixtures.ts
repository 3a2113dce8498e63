// Ids of the demo data the security tests aim at, derived exactly as the seed derives them.
import { DEMO_UAI } from '../../drizzle/seed/demo-data';
import { stableId } from '../../drizzle/seed/random';

const classeKey = `${DEMO_UAI}|1re SN|2015-2016`;
export const CLASSE = stableId('classe', classeKey);
export const ANGIE = stableId('apprenant', classeKey, 'HUBERT', 'Angie');
export const ANGIE_BILAN = stableId('bilan', ANGIE, '2016-06-16');

/** Every route that shows or hands over a pupil's data, for the demo establishment. */
export const PUPIL_ROUTES = {
  classPage: `/bilans?classe=${CLASSE}`,
  pupilPage: `/bilans/${ANGIE}`,
  bilanPage: `/bilans/${ANGIE}/${ANGIE_BILAN}`,
  bilanPdf: `/bilans/${ANGIE}/${ANGIE_BILAN}/pdf`,
  classPdf: `/classes/${CLASSE}/derniers-bilans/pdf`,
};

export const PRINT_ROUTES = [
  `/impression/bilans/${ANGIE}/${ANGIE_BILAN}`,
  `/impression/classes/${CLASSE}/derniers-bilans`,
];

export const SESSION_COOKIE = 'next-auth.session-token';

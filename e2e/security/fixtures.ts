// Ids of the demo data the security tests aim at, as the seed exports them.
import { DEMO_IDS } from '../../drizzle/seed/demo-ids';

export const CLASSE = DEMO_IDS.classe;
export const ANGIE = DEMO_IDS.angie;
export const ANGIE_BILAN = DEMO_IDS.angieDernierBilan;

/** Every route that shows or hands over a pupil's data, for the demo establishment. */
export const PUPIL_ROUTES = {
  classPage: `/bilans?classe=${CLASSE}`,
  pupilPage: `/bilans/${ANGIE}`,
  bilanPage: `/bilans/${ANGIE}/${ANGIE_BILAN}`,
  bilanPdf: `/bilans/${ANGIE}/${ANGIE_BILAN}/pdf`,
  classPdf: `/classes/${CLASSE}/derniers-bilans/pdf`,
};

export const PRINT_ROUTES = [
  `/impression/bilan/${ANGIE}/${ANGIE_BILAN}`,
  `/impression/derniers-bilans/${CLASSE}`,
  `/impression/synthese/${CLASSE}`,
];

export const SESSION_COOKIE = 'next-auth.session-token';

// Sign-in through the school's ENT by CAS 3.0 (next-auth's provider `cas`): a GET form to
// /login/cas, which sends the browser to the ENT's CAS and takes its ticket back.
import type { SignInWay } from '../way';

export const casWay: SignInWay = {
  id: 'cas',
  enabled: ({ cas }) =>
    cas
      ? {
          id: 'cas',
          provider: async () => (await import('./provider')).casProvider(cas),
          login: {
            type: 'bouton',
            label: cas.label,
            method: 'get',
            action: '/login/cas',
            csrf: false,
          },
          formTarget: new URL(cas.url).origin,
        }
      : null,
};

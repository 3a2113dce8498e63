// The pieces of a CAS sign-in that decide who gets in: the service URL both legs build, the
// state cookie read from the raw header, and the marker users refused with the 403 page.
import { describe, expect, it } from 'vitest';
import {
  casServiceUrl,
  casStateCookieName,
  casStateOf,
  cookieValue,
  newCasSecret,
} from './provider';
import { entUser, refusalPath, unknownIdentityPage } from '@/lib/auth/ent-refusal';

describe('CAS service URL and state', () => {
  it('is built on the public address, with the state and the page asked for', () => {
    expect(casServiceUrl('https://cpro.lycee.fr', 'abc', '/bilans')).toBe(
      'https://cpro.lycee.fr/login/cas?etat=abc',
    );
    expect(casServiceUrl('https://cpro.lycee.fr/', 'abc', '/bilans/x?classe=y')).toBe(
      'https://cpro.lycee.fr/login/cas?etat=abc&callbackUrl=%2Fbilans%2Fx%3Fclasse%3Dy',
    );
  });

  it('draws a new 32-character secret each time, kept in a __Host- cookie over https', () => {
    const a = newCasSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newCasSecret()).not.toBe(a);
    // The URL carries its digest, never the secret: a leaked return URL cannot make the cookie.
    expect(casStateOf(a)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(casStateOf(a)).not.toBe(a);
    expect(casStateOf(a)).toBe(casStateOf(a));
    expect(casStateCookieName(true)).toBe('__Host-cpro-cas-etat');
    expect(casStateCookieName(false)).toBe('cpro-cas-etat');
  });

  it('reads one cookie of a Cookie header, not a longer or shorter name', () => {
    const header = 'xcpro-cas-etat=faux; cpro-cas-etat=vrai==; autre=1';
    expect(cookieValue(header, 'cpro-cas-etat')).toBe('vrai==');
    expect(cookieValue(header, 'cpro-cas')).toBeUndefined();
    expect(cookieValue(undefined, 'cpro-cas-etat')).toBeUndefined();
  });
});

describe('ENT refusals', () => {
  const account = { id: 'u1', sessionVersion: 3, actif: true };
  const page = (path: string) =>
    unknownIdentityPage(new Request(`http://cpro.test${path}`)).then(async (response) => ({
      status: response.status,
      html: await response.text(),
    }));

  it('lets an active account through and sends the others to a signed refusal', async () => {
    expect(entUser(account, 'sl')).toEqual({ id: 'u1', sessionVersion: 3 });
    expect(await refusalPath('u1', 'cas')).toBeNull();
    const unknown = await refusalPath(entUser(null, '<b>x</b>\r\ny').id, 'cas');
    expect(unknown).toMatch(/^\/login\/identite-inconnue\?refus=[\w-]+\.[\w-]+\.[\w-]+$/);
    const shown = await page(unknown!);
    expect(shown.status).toBe(403);
    expect(shown.html).toContain(
      'Aucun compte enseignant de CPRO ne correspond à cette identité ENT.',
    );
    expect(shown.html).toContain('Identité reçue (cas) : « &lt;b&gt;x&lt;/b&gt;y »');
    expect(shown.html).not.toContain('<b>x');
    const deactivated = await page(
      (await refusalPath(entUser({ ...account, actif: false }, 'sl').id, 'ent'))!,
    );
    expect(deactivated.html).toContain('Compte désactivé');
    expect(deactivated.html).toContain('« sl »');
    const linked = await page((await refusalPath(entUser('deja-liee', 'sub-2').id, 'ent'))!);
    expect(linked.html).toContain('Compte déjà lié');
  });

  it('never shows words the server did not put there: unsigned, forged or tampered refusals say nothing of them', async () => {
    const genuine = (await refusalPath(entUser(null, 'jdupont').id, 'ent'))!;
    const token = new URL(genuine, 'http://cpro.test').searchParams.get('refus')!;
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        fournisseur: 'ent',
        identite: 'Appelez le 01 02 03 04 05',
        motif: 'inconnue',
        aud: 'cpro:refus-ent',
        exp: 9999999999,
      }),
    ).toString('base64url');
    for (const path of [
      '/login/identite-inconnue?identite=Appelez%20le%2001%2002%2003%2004%2005&motif=inconnue',
      '/login/identite-inconnue?fournisseur=cas&identite=Appelez%20le%2001%2002%2003%2004%2005',
      `/login/identite-inconnue?refus=${header}.${forgedPayload}.${signature}`,
      '/login/identite-inconnue?refus=n.importe.quoi',
      '/login/identite-inconnue',
    ]) {
      const shown = await page(path);
      expect(shown.status, path).toBe(403);
      expect(shown.html, path).not.toContain('Appelez');
      expect(shown.html, path).not.toContain('Identité reçue');
      expect(shown.html, path).toContain('Identité ENT inconnue');
    }
  });
});

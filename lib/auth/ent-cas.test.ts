// The pieces of a CAS sign-in that decide who gets in: the service URL both legs build, the
// state cookie read from the raw header, and the marker users refused with the 403 page.
import { describe, expect, it } from 'vitest';
import { casServiceUrl, casStateCookieName, cookieValue, newCasState } from './ent-cas';
import { entUser, refusalPath, unknownIdentityPage } from './ent-refusal';

describe('CAS service URL and state', () => {
  it('is built on the public address, with the state and the page asked for', () => {
    expect(casServiceUrl('https://cpro.lycee.fr', 'abc', '/bilans')).toBe(
      'https://cpro.lycee.fr/login/cas?etat=abc',
    );
    expect(casServiceUrl('https://cpro.lycee.fr/', 'abc', '/bilans/x?classe=y')).toBe(
      'https://cpro.lycee.fr/login/cas?etat=abc&callbackUrl=%2Fbilans%2Fx%3Fclasse%3Dy',
    );
  });

  it('draws a new 32-character state each time, kept in a __Host- cookie over https', () => {
    const a = newCasState();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newCasState()).not.toBe(a);
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

  it('lets an active account through and marks the others', () => {
    expect(entUser(account, 'sl')).toEqual({ id: 'u1', sessionVersion: 3 });
    expect(refusalPath('u1', 'cas')).toBeNull();
    const unknown = entUser(null, 'x:y');
    expect(refusalPath(unknown.id, 'cas')).toBe(
      '/login/identite-inconnue?fournisseur=cas&identite=x%3Ay&motif=inconnue',
    );
    const deactivated = entUser({ ...account, actif: false }, 'sl');
    expect(refusalPath(deactivated.id, 'ent')).toBe(
      '/login/identite-inconnue?fournisseur=ent&identite=sl&motif=desactive',
    );
  });

  it('says which refusal, shows the identity as text without control characters', async () => {
    const page = (query: string) =>
      unknownIdentityPage(new Request(`http://cpro.test/login/identite-inconnue?${query}`));
    const unknown = page('fournisseur=cas&identite=%3Cb%3Ex%3C%2Fb%3E%0D%0Ay&motif=inconnue');
    expect(unknown.status).toBe(403);
    const html = await unknown.text();
    expect(html).toContain('Aucun compte enseignant de CPRO ne correspond à cette identité ENT.');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;y');
    expect(html).not.toContain('<b>x');
    const deactivated = await page('fournisseur=ent&identite=sl&motif=desactive').text();
    expect(deactivated).toContain('Compte désactivé');
    expect(deactivated).toContain('est désactivé');
    // An unknown motif or provider reads as the default, never as given.
    const odd = await page('fournisseur=%3Cx%3E&identite=a&motif=autre').text();
    expect(odd).toContain('Identité reçue (ent)');
  });
});

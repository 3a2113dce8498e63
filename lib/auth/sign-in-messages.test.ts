import { describe, expect, it } from 'vitest';
import { frenchDuration, lockMessage, signInErrorMessage, waitOf } from './sign-in-messages';

describe('sign-in messages', () => {
  it('gives the real lock duration in French', () => {
    expect(frenchDuration(900)).toBe('15 minutes');
    expect(frenchDuration(60)).toBe('1 minute');
    expect(frenchDuration(61)).toBe('2 minutes');
    expect(frenchDuration(6)).toBe('6 secondes');
    expect(frenchDuration(1)).toBe('1 seconde');
    expect(lockMessage(6)).toBe(
      'Trop de tentatives de connexion : la connexion est bloquée pendant 6 secondes.',
    );
    expect(signInErrorMessage('TropDeTentatives', 900)).toContain('pendant 15 minutes');
  });

  it('says empty fields are empty, not wrong', () => {
    expect(signInErrorMessage('ChampsVides')).toBe(
      'Saisissez votre adresse électronique et votre mot de passe.',
    );
    expect(signInErrorMessage('CredentialsSignin')).toBe(
      'Adresse électronique ou mot de passe incorrect.',
    );
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage('<script>')).toBe(
      'La connexion a échoué. Réessayez dans un instant.',
    );
  });

  it('reads only whole seconds from the URL', () => {
    expect(waitOf('42')).toBe(42);
    for (const bad of [null, '', '-1', '1.5', '1e3', '9999999', ' 4'])
      expect(waitOf(bad)).toBeUndefined();
  });
});

// The sign-in body is read once and refused when two readers could disagree about it.
import { describe, expect, it } from 'vitest';
import { ATTEMPT_FIELD, InvalidSignInRequest, readSignInRequest } from './sign-in-request';

function form(body: string): Request {
  return new Request('http://localhost/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

function json(body: string): Request {
  return new Request('http://localhost/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

describe('readSignInRequest', () => {
  it('returns the normalised e-mail it counts and hands the same to next-auth', async () => {
    const read = await readSignInRequest(form('email=%20Prof%40Lycee.TEST&password=x&csrfToken=t'));
    expect(read.email).toBe('prof@lycee.test');
    expect(read.fields).toEqual([
      ['email', 'prof@lycee.test'],
      ['password', 'x'],
      ['csrfToken', 't'],
    ]);
  });

  it('refuses a repeated field, whichever it is', async () => {
    for (const body of [
      'email=decoy%40x.test&email=victim%40x.test&password=x',
      'email=a%40x.test&password=x&password=y',
      'email=a%40x.test&password=x&csrfToken=1&csrfToken=2',
    ]) {
      await expect(readSignInRequest(form(body))).rejects.toBeInstanceOf(InvalidSignInRequest);
    }
  });

  it('refuses a missing or empty e-mail or password', async () => {
    for (const body of [
      'password=x',
      'email=a%40x.test',
      'email=%20&password=x',
      'email=a%40x.test&password=',
    ]) {
      await expect(readSignInRequest(form(body))).rejects.toBeInstanceOf(InvalidSignInRequest);
    }
  });

  it('reads JSON as next-auth does, and refuses non-text e-mails or passwords', async () => {
    const read = await readSignInRequest(json('{"email":"A@x.test","password":"p","json":true}'));
    expect(read.email).toBe('a@x.test');
    for (const body of [
      '{"email":["a@x.test","b@x.test"],"password":"p"}',
      '{"email":{"$ne":null},"password":"p"}',
      '{"email":"a@x.test","password":null}',
      '["a"]',
      'not json',
    ]) {
      await expect(readSignInRequest(json(body))).rejects.toBeInstanceOf(InvalidSignInRequest);
    }
  });

  it('refuses the attempt field from a client, other content types and oversized bodies', async () => {
    await expect(
      readSignInRequest(form(`email=a%40x.test&password=x&${ATTEMPT_FIELD}=forged`)),
    ).rejects.toBeInstanceOf(InvalidSignInRequest);
    const multipart = new Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=a%40x.test&password=x',
    });
    await expect(readSignInRequest(multipart)).rejects.toBeInstanceOf(InvalidSignInRequest);
    await expect(
      readSignInRequest(form(`email=a%40x.test&password=${'x'.repeat(9000)}`)),
    ).rejects.toBeInstanceOf(InvalidSignInRequest);
  });
});

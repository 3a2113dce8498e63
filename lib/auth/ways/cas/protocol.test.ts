// The CAS 3.0 answers as the specification writes them (§2.5.2, §2.5.3, §2.5.4 and the
// attributes of CAS 3.0), and what a client must refuse.
import { describe, expect, it } from 'vitest';
import {
  casLoginUrl,
  isServiceTicket,
  parseServiceResponse,
  validateServiceTicket,
} from './protocol';

const SUCCESS = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>slefevre</cas:user>
    <cas:attributes>
      <cas:mail>enseignant@lycee-demo.test</cas:mail>
      <cas:ENTPersonProfils>National_ENS</cas:ENTPersonProfils>
      <cas:ENTPersonProfils>National_DOC</cas:ENTPersonProfils>
      <cas:displayName>Sophie LEF&#200;VRE &amp; co</cas:displayName>
    </cas:attributes>
  </cas:authenticationSuccess>
</cas:serviceResponse>`;

describe('CAS 3.0 answers', () => {
  it('reads the user and every attribute, one value or several, entities decoded', () => {
    expect(parseServiceResponse(SUCCESS)).toEqual({
      ok: true,
      user: 'slefevre',
      attributes: {
        mail: ['enseignant@lycee-demo.test'],
        ENTPersonProfils: ['National_ENS', 'National_DOC'],
        displayName: ['Sophie LEFÈVRE & co'],
      },
    });
  });

  it('reads a user whose name looks like a number as text', () => {
    const xml = SUCCESS.replace('slefevre', '0012345');
    expect(parseServiceResponse(xml)).toMatchObject({ ok: true, user: '0012345' });
  });

  it('reads the user exactly as the ENT wrote it: spaces are part of it', () => {
    const xml = SUCCESS.replace('<cas:user>slefevre</cas:user>', '<cas:user> slefevre </cas:user>');
    expect(parseServiceResponse(xml)).toMatchObject({ ok: true, user: ' slefevre ' });
  });

  it('reads a failure with its code and message', () => {
    const xml = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
      <cas:authenticationFailure code="INVALID_TICKET">
        Ticket ST-1856339-aA5Yuvrxzpv8Tau1cYQ7 not recognized
      </cas:authenticationFailure>
    </cas:serviceResponse>`;
    expect(parseServiceResponse(xml)).toEqual({
      ok: false,
      reason: 'refused',
      code: 'INVALID_TICKET',
      message: 'Ticket ST-1856339-aA5Yuvrxzpv8Tau1cYQ7 not recognized',
    });
  });

  it('refuses entity declarations, answers without a user, and junk', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>${SUCCESS}`;
    expect(parseServiceResponse(bomb)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(
      parseServiceResponse(SUCCESS.replace('<cas:user>slefevre</cas:user>', '<cas:user/>')),
    ).toMatchObject({ ok: false, reason: 'unavailable' });
    for (const junk of ['', 'pas du xml', '<html><body>Maintenance</body></html>', '<a><b>']) {
      expect(parseServiceResponse(junk)).toMatchObject({ ok: false });
    }
  });

  it('accepts only service tickets as CAS writes them', () => {
    expect(isServiceTicket('ST-1856339-aA5Yuvrxzpv8Tau1cYQ7')).toBe(true);
    for (const bad of [null, '', 'ST-', 'PT-123', 'ST-a b', 'ST-a\nb', `ST-${'a'.repeat(300)}`]) {
      expect(isServiceTicket(bad)).toBe(false);
    }
  });

  it('builds the login URL with the service encoded', () => {
    expect(casLoginUrl('https://ent.test/cas', 'https://cpro.test/login/cas?etat=x&a=b')).toBe(
      'https://ent.test/cas/login?service=https%3A%2F%2Fcpro.test%2Flogin%2Fcas%3Fetat%3Dx%26a%3Db',
    );
  });
});

describe('ticket validation', () => {
  it('stops reading an answer past 64 KiB, whatever its size, without holding it', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16_384;
        controller.enqueue(new Uint8Array(16_384).fill(0x20));
      },
    });
    const fetchImpl = (async () => new Response(endless)) as unknown as typeof fetch;
    expect(await validateServiceTicket('https://e.test', 's', 'ST-1', fetchImpl)).toMatchObject({
      ok: false,
      reason: 'unavailable',
      message: 'réponse CAS trop longue',
    });
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 3 * 16_384);
    // A declared length past the limit is refused before any byte is read.
    let read = false;
    const declared = (async () =>
      new Response(
        new ReadableStream(
          {
            pull() {
              read = true;
            },
          },
          { highWaterMark: 0 },
        ),
        { headers: { 'content-length': String(400 * 1024 * 1024) } },
      )) as unknown as typeof fetch;
    expect(await validateServiceTicket('https://e.test', 's', 'ST-1', declared)).toMatchObject({
      ok: false,
    });
    expect(read).toBe(false);
  });

  const answer = (body: string, status = 200) =>
    (async () => new Response(body, { status })) as unknown as typeof fetch;

  it('asks /p3/serviceValidate with the service and the ticket', async () => {
    let asked = '';
    const fetchImpl = (async (url: string) => {
      asked = url;
      return new Response(SUCCESS);
    }) as unknown as typeof fetch;
    const result = await validateServiceTicket(
      'https://ent.test/cas',
      'https://cpro.test/login/cas?etat=x',
      'ST-1',
      fetchImpl,
    );
    expect(result).toMatchObject({ ok: true, user: 'slefevre' });
    const url = new URL(asked);
    expect(url.origin + url.pathname).toBe('https://ent.test/cas/p3/serviceValidate');
    expect(url.searchParams.get('service')).toBe('https://cpro.test/login/cas?etat=x');
    expect(url.searchParams.get('ticket')).toBe('ST-1');
  });

  it('says the ENT is unavailable when it errs, is unreachable or answers too much', async () => {
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    for (const fetchImpl of [
      answer('erreur', 500),
      unreachable,
      answer(`${SUCCESS}${' '.repeat(70_000)}`),
    ]) {
      expect(await validateServiceTicket('https://e.test', 's', 'ST-1', fetchImpl)).toMatchObject({
        ok: false,
        reason: 'unavailable',
      });
    }
  });
});

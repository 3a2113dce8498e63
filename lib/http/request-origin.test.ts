// Where a request comes from, as browsers tell it (Fetch Metadata, Origin).
import { describe, expect, it } from 'vitest';
import { postedFromOurPages, sentByAnotherSite } from './request-origin';

const headers = (values: Record<string, string>) => new Headers({ host: 'cpro.test', ...values });

describe('request origin', () => {
  it('believes the browser Fetch Metadata first', () => {
    expect(sentByAnotherSite(headers({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(sentByAnotherSite(headers({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    // Our own form under Referrer-Policy: no-referrer: Origin null, same-origin.
    expect(sentByAnotherSite(headers({ 'sec-fetch-site': 'same-origin', origin: 'null' }))).toBe(
      false,
    );
    expect(postedFromOurPages(headers({ 'sec-fetch-site': 'same-origin', origin: 'null' }))).toBe(
      true,
    );
  });

  it('falls back on Origin, and presumes nothing of a client that says nothing', () => {
    expect(sentByAnotherSite(headers({ origin: 'https://evil.test' }))).toBe(true);
    expect(sentByAnotherSite(headers({ origin: 'http://cpro.test' }))).toBe(false);
    expect(sentByAnotherSite(headers({}))).toBe(false);
    expect(sentByAnotherSite(headers({ origin: 'null' }))).toBe(false);
    // Sign-out wants proof: nothing said is not enough.
    expect(postedFromOurPages(headers({}))).toBe(false);
    expect(postedFromOurPages(headers({ origin: 'https://evil.test' }))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { PdfCache } from './cache';

describe('PdfCache', () => {
  it('keeps recent entries within its size limit', () => {
    const cache = new PdfCache(100);
    cache.set('a', Buffer.alloc(20));
    cache.set('b', Buffer.alloc(20));
    cache.get('a');
    cache.set('c', Buffer.alloc(20));
    cache.set('d', Buffer.alloc(20));
    cache.set('e', Buffer.alloc(25));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('e')).toBeDefined();
  });

  it('does not keep an entry larger than a quarter of the limit', () => {
    const cache = new PdfCache(100);
    cache.set('big', Buffer.alloc(60));
    expect(cache.get('big')).toBeUndefined();
  });

  it('derives the same key from the same parts', () => {
    expect(PdfCache.key('v1', { a: 1 })).toBe(PdfCache.key('v1', { a: 1 }));
    expect(PdfCache.key('v1', { a: 1 })).not.toBe(PdfCache.key('v2', { a: 1 }));
  });
});

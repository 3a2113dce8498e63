import { describe, expect, it } from 'vitest';
import { escapeHtml, markup, SafeHtml } from './safe-html';

describe('markup', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    const evil = `<script>alert("x")</script> & 'quote'`;
    expect(markup`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;</p>',
    );
  });

  it('keeps nested SafeHtml as markup and joins arrays, escaping their strings', () => {
    const items = ['a<b', 'c'].map((t) => markup`<li>${t}</li>`);
    expect(
      markup`<ul>
        ${items}
      </ul>`.value,
    ).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(markup`${['<i>', markup`<i>`]}`.value).toBe('&lt;i&gt;<i>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(markup`[${null}${undefined}${false}${0}${12.5}]`.value).toBe('[012.5]');
  });

  it('only trusts SafeHtml instances, not look-alike objects', () => {
    const lookAlike = { value: '<b>' } as unknown as string;
    expect(markup`${lookAlike}`.value).toBe('[object Object]');
    expect(new SafeHtml('<b>').toString()).toBe('<b>');
    expect(escapeHtml('plain text')).toBe('plain text');
  });

  it('drops the line breaks of the source layout, as JSX does, and keeps spaces on a line', () => {
    const name = 'Angie';
    const built = markup`
      <p
        class="x">
        <b>${name}</b> <small>a
          b</small>
        ${name}
      </p>`;
    expect(built.value).toBe('<p class="x"><b>Angie</b> <small>a b</small>Angie</p>');
  });
});

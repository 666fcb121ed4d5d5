/**
 * Hostile inputs (OWASP XSS filter evasion cheat sheet style) through every rendering entry point.
 * The output is re-parsed the way a browser parses it (parse5 through rehype-raw) and checked
 * structurally, so an attribute cannot hide from a regex behind quoting or entity tricks.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { renderInline, renderMarkdown, toPlainText } from './render.js';
import { urlScheme } from './urls.js';

/** Payloads; the second item, when present, is text a reader must still get. */
const PAYLOADS: [string, string?][] = [
  ['<script>alert(1)</script>'],
  ['<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>'],
  ['<scr<script>ipt>alert(1)</script>'],
  ['<img src=x onerror=alert(1)>'],
  ['<img src="x" onerror="alert(1)"/>'],
  ['<IMG SRC="javascript:alert(\'XSS\');">'],
  ["<IMG SRC=JaVaScRiPt:alert('XSS')>"],
  [
    '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>',
  ],
  ['<IMG SRC="jav&#x09;ascript:alert(1);">'],
  ['<IMG SRC="jav&#x0A;ascript:alert(1);">'],
  ['<IMG SRC=" &#14;  javascript:alert(1);">'],
  ['<img src="https://x.fr/a.png" srcset="javascript:alert(1)">'],
  ['<picture><source srcset="javascript:alert(1)"><img src="/a.png" alt="Photo"></picture>'],
  ['<svg onload=alert(1)>'],
  ['<svg><script>alert(1)</script></svg>'],
  ['<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>', 'XSS'],
  ['<body onload=alert(1)>'],
  ['<details open ontoggle=alert(1)><summary>Plus</summary>Détail</details>', 'Détail'],
  ['<video><source onerror=alert(1)></video>'],
  ['[clic](javascript:alert(1))', 'clic'],
  ['[clic](JAVASCRIPT:alert(1))', 'clic'],
  ['[clic](jav&#x09;ascript:alert(1))', 'clic'],
  ['[clic](&#106;avascript:alert(1))', 'clic'],
  ['[clic](<javascript:alert(1)>)', 'clic'],
  ['<javascript:alert(1)>'],
  ['[clic][ref]\n\n[ref]: javascript:alert(1)', 'clic'],
  ['![x](javascript:alert(1))'],
  ['[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'clic'],
  ['[clic](vbscript:msgbox(1))', 'clic'],
  ['<a href="javascript:alert(1)">clic</a>', 'clic'],
  ['<a href="  javascript:alert(1)">clic</a>', 'clic'],
  ['<a href="jav&#x09;ascript:alert(1)">clic</a>', 'clic'],
  ['<a href="jav&#x0D;ascript:alert(1)">clic</a>', 'clic'],
  ['<a href="javascript&colon;alert(1)">clic</a>', 'clic'],
  [
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">clic</a>',
  ],
  ['<a href="vbscript:msgbox(1)">clic</a>', 'clic'],
  ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>', 'clic'],
  ['<a href="https://x.fr" onmouseover="alert(1)">survol</a>', 'survol'],
  ['<iframe src="https://evil.example"></iframe>'],
  ['<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['<object data="javascript:alert(1)"></object>'],
  ['<embed src="javascript:alert(1)">'],
  ['<style>body{background:url(javascript:alert(1))}</style>'],
  ['<div style="background:url(javascript:alert(1))">texte</div>', 'texte'],
  ['<p style="color:red">rouge</p>', 'rouge'],
  ['<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">ok</button></form>'],
  ['<input type="image" src="x" onfocus=alert(1) autofocus>'],
  ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['<base href="javascript:alert(1)//">'],
  ['<link rel=stylesheet href="https://evil.example/x.css">'],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['<math href="javascript:alert(1)">x</math>'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['<xmp><script>alert(1)</script></xmp>'],
  ['<template><script>alert(1)</script></template>'],
  ['<table background="javascript:alert(1)"><tr><td>case</td></tr></table>', 'case'],
  ['<p title="&quot;><script>alert(1)</script>">titre</p>', 'titre'],
  ['<img src=x onerror=alert(1)'],
  ['<a href="javascript:alert(1)">non fermé', 'non fermé'],
  ['Texte\n{: onclick="alert(1)"}', 'Texte'],
  ['[lien](https://x.fr){:target="_blank" onmouseover="x"}', 'lien'],
  ['[lien](https://x.fr){: style="color:red" href="javascript:alert(1)"}', 'lien'],
  ['## Titre {#x" onclick="alert(1)}'],
  ['{::nomarkdown}<script>alert(1)</script>{:/nomarkdown}'],
  ['<div id="__proto__" name="x" class="fr-highlight" accesskey="x">clobber</div>', 'clobber'],
];

/** Elements that must never reach the page. */
const FORBIDDEN = new Set([
  ...['script', 'style', 'iframe', 'object', 'embed', 'form', 'meta', 'base', 'link', 'svg', 'math'],
  ...['template', 'frame', 'frameset', 'applet', 'button', 'textarea', 'select'],
]);
/** hast property names whose value is a URL the browser may load or navigate to. */
const URL_PROPERTIES = new Set(
  'href src srcSet action formAction xLinkHref cite data poster background longDesc codeBase ping'.split(' '),
);

const browserParse = unified()
  .use(function rawParser(this: { parser: unknown }) {
    this.parser = (html: string): Root => ({ type: 'root', children: [{ type: 'raw', value: html }] });
  })
  .use(rehypeRaw);

function elementsOf(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...elementsOf(child)] : []));
}

function assertHarmless(html: string, payload: string): void {
  const context = `${JSON.stringify(payload)} → ${html}`;
  // Inside a double-quoted attribute value `<script>` is inert text (e.g. a `title`); look outside them.
  const markup = html.replace(/="[^"]*"/g, '=""');
  assert.doesNotMatch(markup, /<script/i, context);
  assert.doesNotMatch(markup, /\sstyle\s*=/i, context);
  const tree = browserParse.runSync(browserParse.parse(html) as Root) as Root;
  for (const element of elementsOf(tree)) {
    assert.ok(!FORBIDDEN.has(element.tagName), `<${element.tagName}> in ${context}`);
    for (const [name, value] of Object.entries(element.properties)) {
      assert.ok(!/^on/i.test(name), `${name} on <${element.tagName}> in ${context}`);
      assert.notEqual(name, 'style', context);
      if (!URL_PROPERTIES.has(name)) continue;
      for (const url of [value].flat()) {
        const scheme = urlScheme(String(url));
        assert.ok(!['javascript', 'vbscript', 'data'].includes(scheme ?? ''), `${name}=${url} in ${context}`);
      }
    }
    if (element.properties.id !== undefined) assert.match(String(element.properties.id), /^[A-Za-z][\w-]*$/);
  }
}

describe('XSS corpus', () => {
  test('has at least 40 payloads', () => {
    assert.ok(PAYLOADS.length >= 40);
  });

  for (const [payload, survivor] of PAYLOADS) {
    test(payload.slice(0, 70), () => {
      for (const html of [
        renderMarkdown(payload),
        renderInline(payload),
        renderMarkdown(`Avant\n\n${payload}\n\nAprès`),
      ]) {
        assertHarmless(html, payload);
        if (survivor)
          assert.ok(toPlainText(html).includes(survivor) || html.includes(survivor), `lost "${survivor}"`);
      }
      // Plain text is not HTML, but it ends up in feeds and search snippets: no code in it either.
      assert.doesNotMatch(toPlainText(payload), /<script/i);
    });
  }

  test('harmless content survives sanitising intact', () => {
    const markdown =
      'Les **élus** & les _agents_ : voir [le programme](/tnt/), écrire à <contact@numerique.gouv.fr>.\n\n' +
      '<p>Un <abbr title="Direction interministérielle du numérique">DINUM</abbr> <br> bloc</p>\n\n' +
      '> Citation\n\n1. un\n2. deux\n\n`code <b>`';
    const html = renderMarkdown(markdown);
    assertHarmless(html, markdown);
    assert.equal(
      toPlainText(markdown),
      'Les élus & les agents : voir le programme, écrire à contact@numerique.gouv.fr. Un DINUM bloc Citation un deux code <b>',
    );
    assert.match(html, /<abbr title="Direction interministérielle du numérique">DINUM<\/abbr>/);
    assert.match(html, /<a href="mailto:contact@numerique.gouv.fr">/);
    assert.match(html, /<code>code &#x3C;b><\/code>/);
  });
});

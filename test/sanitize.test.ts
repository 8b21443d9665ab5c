// The render pipeline is defence in depth: lint already refuses raw HTML and
// non-https/mailto links in content/. These tests bypass lint and feed hostile
// markdown straight to the same function the build uses.
import fc from 'fast-check'
import type {Element, Nodes, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {renderTree, toSafeHast} from '../pipeline/render/render.js'
import {parseMarkdown} from '../pipeline/parse/document.js'

// Every element markdown + GFM can legitimately produce; anything else (script,
// style, iframe, svg, object, form, div, span…) must never come out.
const ALLOWED_ELEMENTS = new Set([
  'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img',
  'input', 'li', 'ol', 'p', 'pre', 'section', 'strong', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
])

// Properties (hast names and HTML attribute names) that hold a URL.
const URL_PROPERTIES = new Set([
  'href', 'src', 'cite', 'longDesc', 'longdesc', 'srcSet', 'srcset', 'action', 'formAction', 'formaction',
  'poster', 'background', 'ping', 'xLinkHref', 'xlink:href', 'data', 'codeBase', 'codebase', 'manifest', 'icon', 'useMap', 'usemap',
])
const SAFE_URL = /^(?:https|mailto):/

function allElements(node: Nodes, into: Element[] = []): Element[] {
  if (node.type === 'element') into.push(node)
  if ('children' in node) for (const child of node.children) allElements(child, into)
  return into
}

/** Everything wrong with a tree, as readable strings (empty when safe). */
function problems(tree: Root): string[] {
  const found: string[] = []
  for (const element of allElements(tree)) {
    if (!ALLOWED_ELEMENTS.has(element.tagName)) found.push(`element <${element.tagName}>`)
    for (const [key, value] of Object.entries(element.properties)) {
      if (/^on/i.test(key)) found.push(`handler ${key} on <${element.tagName}>`)
      if (key === 'style') found.push(`style on <${element.tagName}>`)
      if (URL_PROPERTIES.has(key) && !SAFE_URL.test(String(value))) found.push(`${key}=${JSON.stringify(value)} on <${element.tagName}>`)
    }
  }
  for (const node of [tree, ...allElements(tree)]) {
    for (const child of node.children) if (child.type === 'raw' || child.type === 'comment') found.push(`${child.type} node`)
  }
  return found
}

/** Check the hast tree and, as a browser would parse it, the serialised HTML. */
// The real render pipeline without the lint: the sanitiser alone decides what survives.
const renderMarkdown = (markdown: string): ReturnType<typeof renderTree> => renderTree(parseMarkdown(markdown))

function expectSafe(markdown: string): ReturnType<typeof renderMarkdown> {
  const out = renderMarkdown(markdown)
  expect(problems(out.hast), 'hast').toEqual([])
  expect(problems(fromHtml(out.html, {fragment: true})), `html: ${out.html}`).toEqual([])
  expect(out.html).not.toMatch(/<script|<iframe|<svg|<object|<style/i)
  return out
}

// Each case: hostile markdown, and a string the safe output must still hold
// (so a pipeline that dropped everything would fail too).
const XSS = [
  {name: 'script block', markdown: '<script>alert(1)</script>\n\nstill here', keeps: 'still here'},
  {name: 'inline script', markdown: 'a <script>alert(1)</script> b', keeps: 'a'},
  {name: 'SCRIPT in capitals', markdown: 'x <SCRIPT>alert(1)</SCRIPT> y', keeps: 'y'},
  {name: 'ScRiPt with a src', markdown: 'x <ScRiPt src=//evil.example/x.js></sCrIpT> y', keeps: 'y'},
  {name: 'img onerror', markdown: 'pic <img src=x onerror=alert(1)> end', keeps: 'end'},
  {name: 'svg onload block', markdown: '<svg onload=alert(1)>\n\nafter', keeps: 'after'},
  {name: 'a with onclick', markdown: 'go <a href="https://ok.example" onclick="alert(1)">here</a>', keeps: 'here'},
  {name: 'iframe', markdown: '<iframe src="javascript:alert(1)"></iframe>\n\nok', keeps: 'ok'},
  {name: 'html comment', markdown: 'before <!-- <script>alert(1)</script> --> after', keeps: 'after'},
  {name: 'javascript: link', markdown: '[click](javascript:alert(1))', keeps: 'click'},
  {name: 'JaVaScRiPt: link, mixed case', markdown: '[click](JaVaScRiPt:alert(1))', keeps: 'click'},
  {name: 'entity-encoded javascript:', markdown: '[click](&#106;avascript:alert(1))', keeps: 'click'},
  {name: 'hex entity-encoded javascript:', markdown: '[click](&#x6A;&#x61;vascript&#x3A;alert(1))', keeps: 'click'},
  {name: 'named-entity colon', markdown: '[click](javascript&colon;alert(1))', keeps: 'click'},
  {name: 'tab inside the scheme', markdown: '[click](java&#9;script:alert(1))', keeps: 'click'},
  {name: 'leading space and angle brackets', markdown: '[click](< javascript:alert(1)>)', keeps: 'click'},
  {name: 'javascript: autolink', markdown: '<javascript:alert(1)>', keeps: 'alert(1)'},
  {name: 'javascript: reference definition', markdown: '[click][x]\n\n[x]: javascript:alert(1)', keeps: 'click'},
  {name: 'data: link', markdown: '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', keeps: 'click'},
  {name: 'DATA: image', markdown: '![pic](DATA:image/svg+xml,<svg onload=alert(1)>)', keeps: ''},
  {name: 'data: image', markdown: '![pic](data:image/png;base64,AAAA)', keeps: ''},
  {name: 'vbscript: link', markdown: '[click](vbscript:msgbox(1))', keeps: 'click'},
  {name: 'VbScRiPt: link, mixed case', markdown: '[click](VbScRiPt:msgbox(1))', keeps: 'click'},
  {name: 'http: link (not https)', markdown: '[click](http://example.com)', keeps: 'click'},
  {name: 'relative link', markdown: '[click](/admin)', keeps: 'click'},
  {name: 'file: link', markdown: '[click](file:///etc/passwd)', keeps: 'click'},
] as const

describe('sanitising (real pipeline, lint bypassed)', () => {
  it.each(XSS)('$name: nothing executable survives, the text does', ({markdown, keeps}) => {
    const out = expectSafe(markdown)
    expect(out.text).toContain(keeps)
    for (const element of allElements(out.hast)) {
      expect(element.properties['href'], element.tagName).toBeUndefined()
      expect(element.properties['src'], element.tagName).toBeUndefined()
    }
  })

  it('keeps https: and mailto: links and https: images', () => {
    const out = expectSafe('[site](https://example.com/a?b=c#d) [mail](mailto:hi@example.com) ![logo](https://example.com/logo.png)')
    expect(out.html).toBe(
      '<p><a href="https://example.com/a?b=c#d">site</a> <a href="mailto:hi@example.com">mail</a> <img src="https://example.com/logo.png" alt="logo"></p>',
    )
  })

  it('keeps markdown formatting', () => {
    expect(expectSafe('*a* **b** `c` ~~d~~').html).toBe('<p><em>a</em> <strong>b</strong> <code>c</code> <del>d</del></p>')
  })

  it('the checker itself catches unsafe trees (so the property below can fail)', () => {
    const unsafe: Root = {
      type: 'root',
      children: [
        {type: 'element', tagName: 'script', properties: {}, children: []},
        {type: 'element', tagName: 'a', properties: {href: 'javascript:alert(1)', onClick: 'x'}, children: []},
        {type: 'raw', value: '<b>'},
      ],
    }
    expect(problems(unsafe)).toEqual([
      'element <script>',
      'href="javascript:alert(1)" on <a>',
      'handler onClick on <a>',
      'raw node',
    ])
  })

  it('toSafeHast leaves its input tree untouched', () => {
    const mdast = parseMarkdown('[x](javascript:alert(1)) <b>hi</b>')
    const before = JSON.stringify(mdast)
    toSafeHast(mdast)
    expect(JSON.stringify(mdast)).toBe(before)
  })

  // Pieces of markdown, HTML and URL syntax, glued at random with arbitrary text.
  const TOKENS = [
    '[a](', '![b](', '](', ')', '(', '<', '>', '"', "'", ' ', '\t', '\n', '\n\n', '*', '**', '_', '`', '```\n', '~~',
    '- [ ] ', '- ', '1. ', '> ', '# ', '---\n', '|', '| a |\n|---|\n', '[^1]', '[^1]: ', '[r]', '[r]: ', '\\',
    'javascript:', 'JaVaScRiPt:', 'java\tscript:', 'vbscript:', 'VBSCRIPT:', 'data:', 'DaTa:text/html,', 'file:', 'http://x',
    '&#106;', '&#x6A;', '&#74;', '&colon;', '&#58;', '&#x3a;', '&amp;', '&lt;', '&gt;', '%6A',
    'https://example.com', 'mailto:a@b.c', 'www.example.com', 'alert(1)',
    '<script>', '</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src=', '<a href="',
    ' onclick=', ' onmouseover=', '<style>', '<!--', '-->', '<div>', '<input type=checkbox checked>',
  ]
  const markdown = fc
    .array(fc.oneof({weight: 4, arbitrary: fc.constantFrom(...TOKENS)}, {weight: 1, arbitrary: fc.string({maxLength: 8})}), {maxLength: 40})
    .map((parts) => parts.join(''))

  it('property: whatever markdown goes in, the hast and HTML hold only allowed elements and safe URLs, no handlers', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const out = renderMarkdown(source)
        expect(problems(out.hast)).toEqual([])
        expect(problems(fromHtml(out.html, {fragment: true}))).toEqual([])
      }),
      {numRuns: 500},
    )
  })
})

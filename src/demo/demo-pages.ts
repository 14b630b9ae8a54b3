/**
 * The demo pages (sandbox mode): an index and one page per demo. No inline script or style:
 * the widget comes from its one <script> tag, the page's behaviour from /demo/demo.js, the
 * look from the widget's stylesheet plus demo.css.
 */
import { escapeHtml as e } from '../api/widget/widget-pages.js';
import { DEMO_TEXT, type DemoLang, type DemoName } from './demo-text.js';

function shell(lang: DemoLang, title: string, body: string, attrs = ''): string {
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>` +
    `<link rel="stylesheet" href="/widget/widget.css"><link rel="stylesheet" href="/demo/demo.css"></head>` +
    `<body ${attrs}>${body}</body></html>`
  );
}

const switcher = (lang: DemoLang, path: string): string =>
  `<a class="demo-lang" href="${path}?lang=${lang === 'ja' ? 'en' : 'ja'}" lang="${lang === 'ja' ? 'en' : 'ja'}">${DEMO_TEXT[lang].switchLang}</a>`;

export function demoIndex(lang: DemoLang): string {
  const t = DEMO_TEXT[lang];
  const card = (d: DemoName): string =>
    `<li class="demo-tile"><a href="/demo/${d}?lang=${lang}"><strong>${e(t[d].name)}</strong><span>${e(t[d].title)}</span></a></li>`;
  return shell(
    lang,
    t.siteTitle,
    `<header class="demo-header">${switcher(lang, '/demo/')}<h1>${e(t.siteTitle)}</h1><p>${e(t.intro)}</p></header>` +
      `<main><ul class="demo-tiles">${card('securities')}${card('bank')}</ul>` +
      `<p class="jw-note"><a href="/docs">API documentation</a> · <a href="/openapi.json">OpenAPI</a></p></main>`,
  );
}

export function demoPage(lang: DemoLang, demo: DemoName): string {
  const t = DEMO_TEXT[lang];
  const d = t[demo];
  const sexes = Object.entries(t.sexes)
    .map(([v, label]) => `<option value="${v}">${e(label)}</option>`)
    .join('');
  const field = (id: string, label: string, input: string): string =>
    `<div class="jw-field"><label for="demo-${id}">${e(label)}</label>${input}</div>`;
  const attrs =
    `data-demo="${demo}" data-lang="${lang}" data-card-issued="${e(t.cardIssued)}" ` +
    `data-no-card="${e(t.noCard)}" data-working="${e(t.working)}" data-revoked="${e(t.revoked)}"`;
  return shell(
    lang,
    `${d.name} — ${d.title}`,
    `<header class="demo-header demo-${demo}">${switcher(lang, `/demo/${demo}`)}` +
      `<p class="demo-brand">${e(d.name)}</p><h1>${e(d.title)}</h1><p>${e(d.lead)}</p></header>` +
      `<main class="demo-main">` +
      `<section aria-labelledby="demo-card-h"><h2 id="demo-card-h">${e(t.cardTitle)}</h2><p>${e(t.cardLead)}</p>` +
      `<form id="demo-card-form" class="demo-form">` +
      field('name', t.name, '<input id="demo-name" name="name" autocomplete="off" placeholder="見本　花子">') +
      field(
        'address',
        t.address,
        '<input id="demo-address" name="address" autocomplete="off" placeholder="東京都千代田区見本町１ー２ー３">',
      ) +
      field('birth', t.birthDate, '<input id="demo-birth" name="birthDate" type="date">') +
      field('sex', t.sex, `<select id="demo-sex" name="sex">${sexes}</select>`) +
      field(
        'mynumber',
        t.myNumber,
        '<input id="demo-mynumber" name="myNumber" inputmode="numeric" pattern="[0-9]{12}" maxlength="12" autocomplete="off">',
      ) +
      `<div class="jw-actions"><button type="submit" class="jw-primary" id="demo-issue">${e(t.issue)}</button></div></form>` +
      `<p id="demo-card-status" role="status" class="demo-status"></p>` +
      `<details><summary>${e(t.revokeTitle)}</summary><p>${e(t.revokeLead)}</p>` +
      `<button type="button" class="jw-secondary" id="demo-revoke">${e(t.revoke)}</button>` +
      `<p id="demo-revoke-status" role="status"></p></details></section>` +
      `<section aria-labelledby="demo-apply-h"><h2 id="demo-apply-h">${e(t.applyTitle)}</h2>` +
      `<div class="jw-consent"><input type="checkbox" id="demo-fullpage"><label for="demo-fullpage">${e(t.fullPage)}</label></div>` +
      `<div class="jw-actions"><button type="button" class="jw-primary" id="demo-start">${e(d.start)}</button></div>` +
      `<div id="demo-widget" class="demo-widget"></div>` +
      `<p class="jw-note">${e(t.event)} <output id="demo-event"></output></p></section>` +
      `<section aria-labelledby="demo-result-h"><h2 id="demo-result-h">${e(t.resultTitle)}</h2>` +
      `<div id="demo-result" tabindex="-1" aria-live="polite"></div></section>` +
      `<p><a href="/demo/?lang=${lang}">${e(t.back)}</a></p></main>` +
      `<script src="/widget/embed.js"></script><script src="/demo/demo.js" defer></script>`,
    attrs,
  );
}

export const DEMO_CSS = `
body { margin: 0; font: 16px/1.6 system-ui, 'Hiragino Sans', 'Noto Sans JP', sans-serif; color: #1a1a1a; }
.demo-header { padding: 1rem 1.25rem; background: #0b3d91; color: #fff; }
.demo-header a { color: #fff; }
.demo-bank { background: #0d5c3a; }
.demo-brand { margin: 0; font-weight: 700; letter-spacing: 0.05em; }
.demo-header h1 { margin: 0.25rem 0; font-size: 1.5rem; }
.demo-lang { float: right; border: 2px solid #fff; border-radius: 6px; padding: 0.1rem 0.6rem; text-decoration: none; }
main { max-width: 48rem; margin: 0 auto; padding: 0.5rem 1.25rem 2rem; }
.demo-tiles { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.demo-tile a { display: grid; gap: 0.3rem; padding: 1rem; border: 2px solid #0b57d0; border-radius: 8px; color: #0b57d0; text-decoration: none; }
.demo-form { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
.demo-form input, .demo-form select { font: inherit; padding: 0.4rem; border: 2px solid #747775; border-radius: 6px; }
.demo-status { font-weight: 600; }
.demo-widget { margin: 1rem 0; border: 1px solid #c4c7c5; border-radius: 8px; }
.demo-widget:empty { display: none; }
.demo-result dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.demo-result dd { margin: 0; overflow-wrap: anywhere; }
:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }
`;

/**
 * The sandbox demo pages' own script (not part of the widget): issue a virtual card with a
 * chosen identity (kept in this browser like the widget's), revoke it, start a session through
 * the demo backend — which holds the demo tenant's API key server-side — and show the result
 * the backend read from the API. The widget itself comes from the one <script> tag.
 */
import { storeCard, loadCard } from '../card/sandbox-card-store.js';
import type { SandboxCardMaterial } from '../../sandbox/virtual-card-profile.js';

interface JpkiWidgetApi {
  mount(
    target: string | Element,
    o: { clientToken: string; lang?: 'ja' | 'en'; onEvent?: (e: { type: string; hint?: string }) => void },
  ): { cancel(): void; destroy(): void };
  redirect(o: { clientToken: string; returnUrl: string; lang?: 'ja' | 'en' }): void;
}

const $ = <T extends HTMLElement = HTMLElement>(sel: string): T | null => document.querySelector<T>(sel);
const body = document.body;
const demo = body.dataset.demo as 'securities' | 'bank' | undefined;
const lang = (body.dataset.lang === 'en' ? 'en' : 'ja') as 'ja' | 'en';
const say = (el: HTMLElement | null, text: string): void => {
  if (el) el.textContent = text;
};

async function post(path: string, payload: unknown = {}): Promise<Record<string, unknown>> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new Error(typeof json.detail === 'string' ? json.detail : `HTTP ${res.status}`);
  return json;
}

function showCard(): void {
  const card = loadCard();
  say(
    $('#demo-card-status'),
    card ? `${body.dataset.cardIssued ?? ''} ${card.label} (${card.id})` : (body.dataset.noCard ?? ''),
  );
  const revoke = $<HTMLButtonElement>('#demo-revoke');
  if (revoke) revoke.disabled = !card;
}

$('#demo-card-form')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.currentTarget as HTMLFormElement;
  const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
  const identity = Object.fromEntries(
    Object.entries({ name: data.name, address: data.address, birthDate: data.birthDate, sex: data.sex }).filter(
      ([, v]) => v,
    ),
  );
  const status = $('#demo-card-status');
  say(status, body.dataset.working ?? '…');
  try {
    const card = await post('/demo/api/cards', { identity, ...(data.myNumber ? { myNumber: data.myNumber } : {}) });
    await storeCard(card as unknown as SandboxCardMaterial & { id: string }, String(card.label ?? card.id));
    showCard();
  } catch (err) {
    say(status, String((err as Error).message));
  }
});

$('#demo-revoke')?.addEventListener('click', async () => {
  const card = loadCard();
  if (!card) return;
  try {
    const r = await post(`/demo/api/cards/${card.id}/revoke`, { reason: 'affiliationChanged' });
    say(
      $('#demo-revoke-status'),
      `${body.dataset.revoked ?? 'revoked'} (CRL ${String(r.crl)} #${String(r.crlNumber)})`,
    );
  } catch (err) {
    say($('#demo-revoke-status'), String((err as Error).message));
  }
});

async function showResult(sessionId: string): Promise<void> {
  const out = $('#demo-result');
  if (!out) return;
  const res = await fetch(`/demo/api/sessions/${encodeURIComponent(sessionId)}?lang=${lang}`);
  const html = await res.text();
  // Rendered by the demo backend from the API's answer, every value escaped there.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  out.replaceChildren(...Array.from(doc.body.childNodes));
  out.focus();
}

$('#demo-start')?.addEventListener('click', async () => {
  const widget = (window as unknown as { JpkiWidget?: JpkiWidgetApi }).JpkiWidget;
  if (!widget || !demo) return;
  const fullPage = $<HTMLInputElement>('#demo-fullpage')?.checked === true;
  say($('#demo-result'), '');
  const ttl = new URLSearchParams(location.search).get('ttl');
  const s = await post(`/demo/api/sessions?lang=${lang}`, { demo, ...(ttl ? { ttlSeconds: Number(ttl) } : {}) });
  const clientToken = String(s.clientToken);
  const sessionId = String(s.sessionId);
  if (fullPage) {
    widget.redirect({ clientToken, lang, returnUrl: `${location.origin}${location.pathname}?lang=${lang}` });
    return;
  }
  const slot = $('#demo-widget');
  if (!slot) return;
  widget.mount(slot, {
    clientToken,
    lang,
    onEvent: (ev) => {
      say($('#demo-event'), `${ev.type}${ev.hint ? ` (${ev.hint})` : ''}`);
      // A widget cancel is the user's; the session itself is the RP's to cancel (its backend does).
      const cancelled =
        ev.type === 'cancelled' ? post(`/demo/api/sessions/${sessionId}/cancel`).catch(() => undefined) : undefined;
      if (ev.type === 'completed' || ev.type === 'failed' || ev.type === 'cancelled')
        void Promise.resolve(cancelled).then(() => showResult(sessionId));
    },
  });
});

showCard();
const back = new URLSearchParams(location.search).get('jpki_session');
if (back) void showResult(back);

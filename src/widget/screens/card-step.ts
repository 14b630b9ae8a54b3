/**
 * The card step on this device (sandbox virtual card; the phone page in sandbox mode too):
 * password guidance (6–16 capital letters and digits, tries left read from the card, a lock
 * warning from two tries left), the text-AP PIN when the My Number is requested, then the
 * protocol through src/card and the result. A wrong password comes back here with the tries
 * left; formats are checked before anything reaches the card, so a typo costs no try.
 */
import { isValidPin, normalizeSigningPassword } from '../../card/pin-format.js';
import { issueSandboxCard, fetchSandboxCard } from '../api.js';
import type { JpkiCard } from '../../card/index.js';
import type { PinKind } from '../../card/card-error.js';
import { cardLabel, loadCard, storeCard } from '../card/sandbox-card-store.js';
import { signWithCard } from '../card/sign-with-card.js';
import { h, uid } from '../dom.js';
import { explain } from '../i18n/explain.js';
import { problemOf, type KnownProblem } from '../problem-of.js';
import type { Widget } from '../widget-context.js';
import { methodScreen } from './method.js';
import { startProgress } from './progress.js';
import type { SandboxCardMaterial } from '../../sandbox/virtual-card-profile.js';

const lastError = new WeakMap<Widget, KnownProblem>();

/** A card the protocol can talk to, whatever carries the APDUs. */
export interface CardHandle {
  readonly label: string;
  readonly card: JpkiCard;
  /** Tries left when the card cannot be asked (virtual card state), for display only. */
  triesLeft(pin: PinKind): number;
}

export type CardSource = 'virtual' | 'bridge';

async function obtainCard(w: Widget): Promise<CardHandle | undefined> {
  const stored = loadCard();
  if (!w.sandboxCardId || stored?.id === w.sandboxCardId) return stored;
  const material = await fetchSandboxCard(w.sandboxCardId);
  return storeCard(material as unknown as SandboxCardMaterial & { id: string }, cardLabel(material));
}

function errorBlock(w: Widget, id: string): HTMLElement {
  const known = lastError.get(w);
  const el = h('div', { id, class: 'jw-error', role: 'alert' });
  if (!known) return el;
  const msg = explain(w.lang, known.problem);
  el.append(h('strong', {}, msg.title), h('span', {}, ` ${msg.action}`));
  if (known.problem.kind === 'card' && known.problem.triesLeft !== undefined)
    el.append(h('span', {}, ` ${w.ui.triesLeft(known.problem.triesLeft)}`));
  return el;
}

function pinField(
  label: string,
  hint: string,
  extra: { id: string; numeric: boolean; max: number },
): {
  field: HTMLElement;
  input: HTMLInputElement;
  tries: HTMLElement;
} {
  const hintId = uid('jw-hint');
  const triesId = uid('jw-tries');
  const input = h('input', {
    id: extra.id,
    type: 'password',
    autocomplete: 'off',
    autocapitalize: extra.numeric ? undefined : 'characters',
    spellcheck: 'false',
    inputmode: extra.numeric ? 'numeric' : 'text',
    maxlength: extra.max,
    required: true,
    'aria-describedby': `${hintId} ${triesId}`,
  }) as HTMLInputElement;
  const tries = h('p', { id: triesId, class: 'jw-tries' });
  const field = h(
    'div',
    { class: 'jw-field' },
    h('label', { for: extra.id }, label),
    input,
    h('p', { id: hintId, class: 'jw-note' }, hint),
    tries,
  );
  return { field, input, tries };
}

export function cardScreen(w: Widget): HTMLElement {
  return cardStep(w, 'virtual', () => obtainCard(w));
}

/** The card step over any source; `obtain` resolves undefined when there is no card (virtual only). */
export function cardStep(w: Widget, source: CardSource, obtain: () => Promise<CardHandle | undefined>): HTMLElement {
  const { ui } = w;
  const body = h('div', { class: 'jw-card-body' }, h('p', {}, ui.loading));
  const screen = h('section', { class: 'jw-screen', 'data-screen': 'card' }, h('h1', {}, ui.cardTitle), body);
  const again = (): void => w.go(source === 'virtual' ? cardScreen : current);
  const current = (): HTMLElement => cardStep(w, source, obtain);
  obtain().then(
    (loaded) => body.replaceChildren(loaded ? cardForm(w, loaded, again) : noCard(w)),
    (e: unknown) => {
      lastError.set(w, problemOf(e));
      body.replaceChildren(source === 'virtual' ? noCard(w) : unreachable(w));
    },
  );
  return screen;
}

function noCard(w: Widget): HTMLElement {
  const { ui } = w;
  return h(
    'div',
    {},
    errorBlock(w, uid('jw-err')),
    h('p', {}, ui.noCard),
    h(
      'div',
      { class: 'jw-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'jw-primary',
          id: 'jw-issue-card',
          onclick: async () => {
            try {
              const material = await issueSandboxCard();
              await storeCard(material as unknown as SandboxCardMaterial & { id: string }, cardLabel(material));
              lastError.delete(w);
            } catch (e) {
              lastError.set(w, problemOf(e));
            }
            w.render();
          },
        },
        ui.issueCard,
      ),
      backButton(w),
    ),
  );
}

function unreachable(w: Widget): HTMLElement {
  return h('div', {}, errorBlock(w, uid('jw-err')), h('div', { class: 'jw-actions' }, backButton(w)));
}

function backButton(w: Widget): HTMLElement | null {
  if (w.mode === 'phone') return null;
  return h('button', { type: 'button', class: 'jw-secondary', onclick: () => w.go(methodScreen) }, w.ui.back);
}

function cardForm(w: Widget, loaded: CardHandle, again: () => void): HTMLElement {
  const { ui, session } = w;
  const wantsMyNumber = session.cardChallenge !== undefined;
  const pw = pinField(ui.passwordLabel, ui.passwordHint, { id: 'jw-password', numeric: false, max: 16 });
  const pin = wantsMyNumber
    ? pinField(ui.textApPinLabel, ui.textApPinHint, { id: 'jw-textap-pin', numeric: true, max: 4 })
    : undefined;
  const errorId = uid('jw-card-error');
  const form = h(
    'form',
    { class: 'jw-form', novalidate: true, 'aria-describedby': errorId },
    h('p', { class: 'jw-card-label' }, ui.cardLabel(loaded.label)),
    errorBlock(w, errorId),
    pw.field,
    w.sandbox ? h('p', { class: 'jw-note jw-sandbox-hint' }, ui.sandboxPasswordHint) : null,
    pin?.field ?? null,
    h(
      'div',
      { class: 'jw-actions' },
      h('button', { type: 'submit', class: 'jw-primary', id: 'jw-sign' }, ui.sign),
      backButton(w),
    ),
  ) as HTMLFormElement;

  // Tries left, asked of the card (VERIFY without data spends nothing).
  void (async () => {
    const left = await loaded.card.triesLeft('signing').catch(() => loaded.triesLeft('signing'));
    pw.tries.textContent = ui.triesLeft(left);
    if (left > 0 && left <= 2) pw.tries.append(h('strong', { class: 'jw-warn' }, ` ${ui.lockWarning(left)}`));
    if (pin) pin.tries.textContent = ui.textApTriesLeft(await loaded.card.triesLeft('textAp').catch(() => 0));
  })();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const password = normalizeSigningPassword(pw.input.value);
    const textApPin = pin?.input.value ?? '';
    if (!isValidPin('signing', password) || (pin && !isValidPin('textAp', textApPin))) {
      lastError.set(w, { problem: { kind: 'card', code: 'CARD_PIN_FORMAT' }, code: 'CARD_PIN_FORMAT' });
      w.render();
      return;
    }
    pw.input.value = '';
    if (pin) pin.input.value = '';
    void run(w, loaded, password, wantsMyNumber ? textApPin : undefined, again);
  });
  setTimeout(() => (lastError.has(w) ? pw.input.focus() : undefined), 0);
  return form;
}

async function run(
  w: Widget,
  loaded: CardHandle,
  password: string,
  textApPin: string | undefined,
  again: () => void,
): Promise<void> {
  const steps = [
    'card',
    'prepare',
    'sign',
    ...(textApPin !== undefined ? ['cardData' as const] : []),
    'verify',
  ] as const;
  const progress = startProgress(w, steps);
  try {
    const outcome = await signWithCard(
      loaded.card,
      w.api,
      w.session,
      { password, ...(textApPin ? { textApPin } : {}) },
      progress,
    );
    lastError.delete(w);
    if (outcome.status === 'completed') w.end({ kind: 'completed' });
    else
      w.end({
        kind: 'failed',
        problem: { kind: 'hint', hint: outcome.hint ?? 'signature_invalid' },
        code: outcome.hint ?? 'signature_invalid',
      });
  } catch (e) {
    const known = problemOf(e);
    if (known.problem.kind === 'http' && TERMINAL.has(known.problem.code)) {
      w.end({ kind: 'failed', problem: known.problem, ...(known.code ? { code: known.code } : {}) });
      return;
    }
    // The card said no (wrong password, locked …), the certificate was refused, or the network
    // failed: the session is still pending, so back to the form with the reason.
    lastError.set(w, known);
    again();
  }
}

/** Refusals after which nothing more can happen in this session. */
const TERMINAL: ReadonlySet<string> = new Set([
  'ERR_UNAUTHORIZED',
  'ERR_SESSION_NOT_PENDING',
  'ERR_SESSION_EXPIRED',
  'ERR_REPLAY',
  'ERR_NOT_FOUND',
]);

/**
 * The sandbox virtual card of this browser, kept in localStorage (same origin as the gateway:
 * the demo pages, the widget frame and the mobile page share it). Stored: the card id, a label
 * for the screen, and the virtual card's snapshot — its profile and PIN try counters, saved
 * after every change so a lock-out survives a reload, as on a real card. Sandbox only: the
 * snapshot holds the simulated card's private keys.
 */
import { createJpkiCard, type JpkiCard } from '../../card/index.js';
import type { PinKind } from '../../card/card-error.js';
import { restoreVirtualCard, createVirtualCard, type VirtualCard } from '../../sandbox/virtual-card.js';
import { virtualCardProfileFromSandboxJson, type SandboxCardMaterial } from '../../sandbox/virtual-card-profile.js';
import { bigintRsaSigner } from '../../sandbox/virtual-card-signer.js';

export const CARD_STORAGE_KEY = 'jpki-gateway.sandbox-card.v1';

export interface StoredCard {
  readonly id: string;
  readonly label: string;
  readonly snapshot: unknown;
}

export interface LoadedCard {
  readonly id: string;
  readonly label: string;
  readonly virtual: VirtualCard;
  readonly card: JpkiCard;
  triesLeft(pin: PinKind): number;
}

const signer = bigintRsaSigner();

function read(): StoredCard | undefined {
  try {
    const raw = localStorage.getItem(CARD_STORAGE_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<StoredCard>;
    if (typeof v.id !== 'string' || typeof v.label !== 'string') return undefined;
    return v as StoredCard;
  } catch {
    return undefined; // storage blocked or corrupted: behave as if there were no card
  }
}

function write(c: StoredCard): void {
  try {
    localStorage.setItem(CARD_STORAGE_KEY, JSON.stringify(c));
  } catch {
    // storage blocked: the card lives for this page only
  }
}

function wrap(id: string, label: string, virtual: VirtualCard): LoadedCard {
  return { id, label, virtual, card: createJpkiCard(virtual), triesLeft: (pin) => virtual.triesLeft(pin) };
}

/** The stored card, or undefined (none, or a snapshot this version cannot read). */
export function loadCard(): LoadedCard | undefined {
  const stored = read();
  if (!stored) return undefined;
  try {
    const virtual = restoreVirtualCard(stored.snapshot, {
      signer,
      onStateChange: (snapshot) => write({ ...stored, snapshot }),
    });
    return wrap(stored.id, stored.label, virtual);
  } catch {
    return undefined;
  }
}

/** A label for the screen: the card holder's name from the sandbox material, when given. */
export function cardLabel(m: { readonly id: string; readonly label?: unknown }): string {
  return typeof m.label === 'string' && m.label ? m.label : m.id;
}

/** Stores a card from the JSON of POST /sandbox/cards (full tries) and returns it. */
export async function storeCard(material: SandboxCardMaterial & { id: string }, label: string): Promise<LoadedCard> {
  const profile = await virtualCardProfileFromSandboxJson(material);
  let current: StoredCard = { id: material.id, label, snapshot: undefined };
  const virtual = createVirtualCard(profile, {
    signer,
    onStateChange: (snapshot) => write((current = { ...current, snapshot })),
  });
  current = { ...current, snapshot: virtual.snapshot() };
  write(current);
  return wrap(material.id, label, virtual);
}

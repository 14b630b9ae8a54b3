/** The wire form of card data: the client API's `cardData` (contract §5), base64 fields. */
import { toBase64 } from './bytes.js';
import type { CardData } from './read-card-data.js';

export interface CardDataJson {
  readonly textAp: {
    readonly ef0001: string;
    readonly ef0002: string;
    readonly ef0003: string;
    readonly ef0004: string;
    readonly ef0007: string;
  };
  readonly challengeSignature: string;
}

export function cardDataJson(d: CardData): CardDataJson {
  const t = d.textAp;
  return {
    textAp: {
      ef0001: toBase64(t.ef0001),
      ef0002: toBase64(t.ef0002),
      ef0003: toBase64(t.ef0003),
      ef0004: toBase64(t.ef0004),
      ef0007: toBase64(t.ef0007),
    },
    challengeSignature: toBase64(d.challengeSignature),
  };
}

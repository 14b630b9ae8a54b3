import type { Lang } from './catalogue-types.js';
import { UI_EN } from './ui-en.js';
import { UI_JA } from './ui-ja.js';
import type { Ui } from './ui-types.js';

export const UIS: Readonly<Record<Lang, Ui>> = { ja: UI_JA, en: UI_EN };

/** Japanese unless English is asked for. */
export const langOf = (v: string | null | undefined): Lang => (v && /^en\b/i.test(v) ? 'en' : 'ja');

/**
 * What the demo company's backend learned from the API, as an HTML fragment for the demo page
 * (every value escaped). The My Number is read once (the gateway then deletes it) and shown
 * masked but for its last four digits — as a careful RP would show it back to a customer.
 */
import { escapeHtml as e } from '../api/widget/widget-pages.js';
import type { DemoLang } from './demo-text.js';

const LABELS = {
  ja: {
    status: '状態',
    hint: '理由（hint）',
    indication: '検証結果',
    errors: 'エラーコード',
    name: '氏名',
    address: '住所',
    birthDate: '生年月日',
    sex: '性別',
    myNumber: 'マイナンバー',
    certificate: '証明書（シリアル）',
    signature: '署名（CMS）',
    evidence: '証跡ID',
    bytes: 'バイト',
  },
  en: {
    status: 'Status',
    hint: 'Hint',
    indication: 'Validation',
    errors: 'Error codes',
    name: 'Name',
    address: 'Address',
    birthDate: 'Date of birth',
    sex: 'Sex',
    myNumber: 'My Number',
    certificate: 'Certificate (serial)',
    signature: 'Signature (CMS)',
    evidence: 'Evidence id',
    bytes: 'bytes',
  },
} as const;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export function maskMyNumber(n: string): string {
  return /^\d{12}$/.test(n) ? `•••• •••• ${n.slice(8)}` : '';
}

export function demoResultHtml(lang: DemoLang, view: Record<string, unknown>, myNumber: string | undefined): string {
  const l = LABELS[lang];
  const result = obj(view.result);
  const report = obj(result.report);
  const identity = obj(result.identity);
  const cert = obj(result.certificate);
  const errors = Array.isArray(view.errors) ? view.errors.map((x) => str(obj(x).code)).filter(Boolean) : [];
  const rows: [keyof typeof l, string][] = [
    ['status', str(view.status)],
    ['hint', str(view.hint)],
    ['indication', [str(report.indication), str(report.subIndication)].filter(Boolean).join(' / ')],
    ['errors', errors.join(', ')],
    ['name', str(identity.name)],
    ['address', str(identity.address)],
    ['birthDate', str(identity.birthDate)],
    ['sex', str(identity.sex)],
    ['myNumber', myNumber ? maskMyNumber(myNumber) : ''],
    ['certificate', str(cert.serialNumber)],
    ['signature', result.signature ? `${Math.floor((str(result.signature).length * 3) / 4)} ${l.bytes}` : ''],
    ['evidence', str(result.evidenceId)],
  ];
  const body = rows
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `<dt>${e(l[k])}</dt><dd data-field="${k}">${e(v)}</dd>`)
    .join('');
  return `<div class="demo-result" data-status="${e(str(view.status))}"><dl>${body}</dl></div>`;
}

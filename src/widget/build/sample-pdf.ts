/**
 * The demo's sample document: a one-page loan contract (金銭消費貸借契約書) made with pdf-lib
 * at build time. Standard fonts only (WinAnsi), so the text is English with romanised names;
 * every value is an obviously fake sample. Deterministic (fixed dates, no producer stamp), so
 * its SHA-256 is stable across builds.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const LINES = [
  ['Loan Agreement (Kinsen Shohi Taishaku Keiyakusho) - SAMPLE', 16],
  ['Example Bank, Ltd. (sandbox demo - not a real contract)', 11],
  ['', 11],
  ['Borrower: the holder of the signing My Number Card', 11],
  ['Principal: JPY 3,000,000', 11],
  ['Interest: 1.20% per annum (fixed)', 11],
  ['Term: 60 months, monthly equal instalments', 11],
  ['First repayment: 2026-04-27', 11],
  ['', 11],
  ['Article 1. The Bank lends and the Borrower borrows the Principal.', 10],
  ['Article 2. The Borrower repays the Principal with interest as scheduled.', 10],
  ['Article 3. This agreement is signed with the JPKI signing certificate', 10],
  ['           instead of a registered seal; no revenue stamp is required.', 10],
  ['', 10],
  ['This document exists only to demonstrate jpki-gateway in sandbox mode.', 9],
] as const;

export async function sampleLoanContractPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle('Sample loan agreement (sandbox)');
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]); // A4 in points
  let y = 780;
  for (const [text, size] of LINES) {
    if (text) page.drawText(text, { x: 56, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    y -= size * 1.9;
  }
  page.drawRectangle({ x: 400, y: 120, width: 140, height: 60, borderColor: rgb(0.7, 0.1, 0.1), borderWidth: 1 });
  page.drawText('Signature (JPKI)', { x: 420, y: 145, size: 10, font, color: rgb(0.7, 0.1, 0.1) });
  return doc.save({ useObjectStreams: false });
}

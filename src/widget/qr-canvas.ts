/**
 * Draws a QR code on a canvas (uqr computes the modules; a canvas keeps CSP simple and lets a
 * test decode exactly the pixels a phone camera would see). Quiet zone of 4 modules
 * (ISO/IEC 18004 §6.3.8), error correction M so a slightly blurred frame still reads.
 */
import { encode } from 'uqr';

const QUIET = 4;

export function drawQr(canvas: HTMLCanvasElement, text: string, pixels = 240): void {
  const qr = encode(text, { ecc: 'M', border: 0 });
  const modules = qr.size + 2 * QUIET;
  const scale = Math.max(2, Math.floor(pixels / modules));
  const side = modules * scale;
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = '#000';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) ctx.fillRect((x + QUIET) * scale, (y + QUIET) * scale, scale, scale);
    }),
  );
}

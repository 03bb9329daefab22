/**
 * The chain's join link (`joinUrl`) as a QR code the notMember screen draws: made here in main,
 * once per configuration, as an SVG path of its dark modules, so the page draws it with no
 * library and fetches nothing.
 */
import QRCode from 'qrcode';

export interface JoinQr {
  url: string;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One `M x y h1 v1 h-1 z` square per dark module, in module units. */
  path: string;
}

export function joinQrOf(url: string | null): JoinQr | null {
  if (!url) return null;
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const squares: string[] = [];
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) if (modules.get(y, x)) squares.push(`M${x} ${y}h1v1h-1z`);
  }
  return { url, size: modules.size, path: squares.join('') };
}

/**
 * A chain sets one brand colour; the kiosk must stay readable (WCAG AA, 4.5:1 for text) whatever
 * it is. From the colour this derives a fill for buttons with its text colour, and a shade for
 * brand-coloured text on the theme's dark surfaces, moving the colour only as far as needed.
 */

type Rgb = [number, number, number];

export const AA_TEXT = 4.5;

export function parseHex(hex: string): Rgb {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
  if (!value) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16)) as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function mix(colour: string, toward: string, amount: number): string {
  const from = parseHex(colour);
  const to = parseHex(toward);
  return toHex(from.map((channel, i) => channel + ((to[i] ?? 0) - channel) * amount) as Rgb);
}

/** `colour` moved toward `toward` in small steps until it reads on every background. */
function untilReadable(colour: string, toward: string, backgrounds: readonly string[], ratio: number): string {
  for (let step = 0; step <= 20; step += 1) {
    const candidate = mix(colour, toward, step / 20);
    if (backgrounds.every((background) => contrast(candidate, background) >= ratio)) return candidate;
  }
  return toward;
}

export interface BrandShades {
  /** Buttons and other fills. */
  fill: string;
  /** Text on `fill`. */
  onFill: string;
  /** Brand-coloured text on the theme's surfaces. */
  text: string;
}

export function brandShades(brand: string, surfaces: readonly string[]): BrandShades {
  const black = '#000000';
  const white = '#ffffff';
  const onFill = contrast(black, brand) >= contrast(white, brand) ? black : white;
  // A mid-tone may read with neither: lighten it under black text, darken it under white.
  const fill = contrast(onFill, brand) >= AA_TEXT ? brand : untilReadable(brand, onFill === black ? white : black, [onFill], AA_TEXT);
  return { fill, onFill, text: untilReadable(brand, white, surfaces, AA_TEXT) };
}

/**
 * The brand colour as CSS custom properties on the root, in shades that stay readable on the
 * theme (brand-shades.ts). High-contrast mode sets its own colours in the style sheet instead.
 */
import { useMemo, type CSSProperties } from 'react';
import { brandShades } from '../theme/brand-shades';

/** The theme's surfaces that brand-coloured text sits on (styles/theme.css: --bg, --surface, --surface-raised). */
const SURFACES = ['#0e1217', '#1a2029', '#232b36'];

export function useBrandStyle(colour: string | null, highContrast: boolean): CSSProperties | undefined {
  return useMemo(() => {
    if (!colour || highContrast) return undefined;
    const shades = brandShades(colour, SURFACES);
    return { '--brand': shades.fill, '--on-brand': shades.onFill, '--brand-text': shades.text } as CSSProperties;
  }, [colour, highContrast]);
}

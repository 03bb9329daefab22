/** Any brand colour a chain picks stays readable: text and buttons meet WCAG AA (4.5:1). */
import { describe, expect, it } from 'vitest';
import { AA_TEXT, brandShades, contrast } from '../../renderer/src/theme/brand-shades';

const SURFACES = ['#0e1217', '#1a2029'];

describe('brand shades', () => {
  it.each(['#14b8a6', '#c2410c', '#1d4ed8', '#000000', '#ffffff', '#777777', '#ffe14d', '#7e22ce', '#16a34a'])('%s: readable text on the dark surfaces and on its own buttons', (brand) => {
    const shades = brandShades(brand, SURFACES);
    for (const surface of SURFACES) expect(contrast(shades.text, surface)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(shades.onFill, shades.fill)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('keeps a colour that already reads as it is', () => {
    expect(brandShades('#ffe14d', SURFACES)).toEqual({ fill: '#ffe14d', onFill: '#000000', text: '#ffe14d' });
  });

  it('moves a dark brand colour only as far as it must for text on dark surfaces', () => {
    const shades = brandShades('#1d4ed8', SURFACES);
    expect(shades.text).not.toBe('#ffffff');
    expect(shades.fill).toBe('#1d4ed8');
    expect(shades.onFill).toBe('#ffffff');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

/**
 * How the customer UI looks and sounds: language, brand (with the logo, read by main), sounds,
 * the attract delay. The page is told whenever any of it changes, once the new logo is read.
 */
import path from 'node:path';
import type { Appearance } from '../../shared/appearance';
import { isSameValue } from '../../shared/same-value';
import { readBrandLogo } from '../appearance/brand-logo';
import { joinQrOf, type JoinQr } from '../appearance/join-qr';
import type { KioskConfig } from '../config/config-schema';
import type { ConfigSource } from '../config/load-config';
import type { Logger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

export interface AppearancePart extends KioskPart {
  appearance(): Appearance;
  onAppearance(listener: (appearance: Appearance) => void): () => void;
}

function appearanceOf(config: KioskConfig, logo: string | null, join: JoinQr | null): Appearance {
  return {
    locale: config.locale,
    brand: { programName: config.brand.programName, color: config.brand.color, logo },
    sounds: { ...config.sounds },
    attractAfterSeconds: config.attractAfterSeconds,
    attractLine: Object.entries(config.brand.attractLine ?? {}).map(([language, text]) => ({ language, text })),
    join,
  };
}

export function createAppearance(deps: { config: () => KioskConfig; source: () => ConfigSource; userDataDir: string; log: Logger }): AppearancePart {
  let logo: string | null = null;
  // The join QR code is made once per join URL, not on every call.
  let join: JoinQr | null = null;
  const listeners = new Set<(next: Appearance) => void>();

  /** The configured logo as a data URL; a logo that cannot be shown is logged and left out. */
  const loadLogo = async (config: KioskConfig): Promise<string | null> => {
    if (!config.brand.logo) return null;
    const source = deps.source();
    const result = await readBrandLogo(config.brand.logo, source.path ? path.dirname(source.path) : deps.userDataDir);
    if (result.ok) return result.dataUrl;
    deps.log.warn('brand-logo-unusable', { message: result.error });
    return null;
  };

  return {
    name: 'appearance',
    async apply({ before, after }) {
      const previous = appearanceOf(before, logo, join);
      logo = await loadLogo(after);
      if (join?.url !== (after.joinUrl ?? undefined)) join = joinQrOf(after.joinUrl);
      const next = appearanceOf(after, logo, join);
      if (!isSameValue(next, previous)) for (const listener of listeners) listener(next);
    },
    appearance: () => appearanceOf(deps.config(), logo, join),
    onAppearance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

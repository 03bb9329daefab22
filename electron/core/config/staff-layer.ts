/**
 * The staff layer: what staff changed at the kiosk, saved beside the app's data
 * (`staff-settings.json`) and laid over the provisioning file. It holds config paths and values;
 * secrets only encrypted. Paths the provisioning file locks are not applied.
 */
import { z } from 'zod';

import { EDITABLE_PATHS, SECRET_PATHS, type EditablePath } from '../../shared/staff-view';

export { EDITABLE_PATHS, SECRET_PATHS };
export const LOCKABLE_PATHS = [...EDITABLE_PATHS, ...SECRET_PATHS] as const;

export const STAFF_SETTINGS_FILE = 'staff-settings.json';

const value = z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]);

export const StaffLayerSchema = z.strictObject({
  settings: z.partialRecord(z.enum(EDITABLE_PATHS), value).default({}),
  /** Base64 ciphertext from the secret store. */
  secrets: z.partialRecord(z.enum(SECRET_PATHS), z.string().max(16_384)).default({}),
});
export type StaffLayer = z.output<typeof StaffLayerSchema>;

/** Sections a null base URL removes: no `identify` means the sandbox, no `vipps` no check-in. */
const SECTION_OF: Partial<Record<EditablePath, string>> = { 'identify.baseUrl': 'identify', 'vipps.baseUrl': 'vipps' };

/** A copy of `base` with `entries` (config path → value) applied, skipping locked paths. */
export function applyPaths(base: Record<string, unknown>, entries: Array<[string, unknown]>, locked: readonly string[]): Record<string, unknown> {
  const result = structuredClone(base);
  for (const [configPath, entry] of entries) {
    if (locked.includes(configPath)) continue;
    const section = SECTION_OF[configPath as EditablePath];
    if (section && entry === null) {
      // Removing a section would remove its locked fields too.
      if (!locked.some((path) => path.startsWith(`${section}.`))) delete result[section];
      continue;
    }
    const parts = configPath.split('.');
    const last = parts.pop() ?? '';
    let node: Record<string, unknown> | null = result;
    for (const part of parts) {
      const next: unknown = node[part];
      if (next === undefined) {
        if (entry === null) node = null; // "none" of something that is not there: nothing to do
        else node = node[part] = {};
      } else if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
      else node = null; // a malformed section stays as it is, for validation to name
      if (!node) break;
    }
    if (!node) continue;
    // A null optional text (e.g. loyaltyProgramName) means "not set".
    if (entry === null && configPath === 'vipps.loyaltyProgramName') delete node[last];
    else node[last] = entry;
  }
  return result;
}

/** The value at a config path of a raw config object, or undefined. */
export function valueAt(config: unknown, configPath: string): unknown {
  let node: unknown = config;
  for (const part of configPath.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

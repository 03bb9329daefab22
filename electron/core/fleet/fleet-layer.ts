/**
 * The fleet configuration as a layer of the configuration: over the provisioning file, under
 * staff changes, exactly as another file would be (merge-patch.ts), with one rule of its own:
 * it may lock more fields (`locked`), never unlock what the provisioning file locked.
 */
import { FleetSchema } from '../config/fleet-schema';
import { verifiedLayer, readStoredFleet, type FleetLayer } from './fleet-store';

export type { FleetLayer } from './fleet-store';
import { mergePatch } from './merge-patch';

/** `base` (the provisioning file's object) with the fleet's `config` laid over it. */
export function layerFleetConfig(base: Record<string, unknown>, config: Record<string, unknown>): Record<string, unknown> {
  const merged = mergePatch(base, config) as Record<string, unknown>;
  const below = base.locked;
  const above = config.locked;
  // Both lists well-formed: their union (a malformed one stays as merged, for validation to name).
  if (Array.isArray(below) && Array.isArray(above)) merged.locked = [...new Set([...below, ...above])];
  else if (Array.isArray(below) && above === null) merged.locked = below;
  return merged;
}

/** The provisioning file's fleet public key, when its `fleet.config` is valid. */
export function fleetPublicKey(base: Record<string, unknown>): string | null {
  const parsed = FleetSchema.safeParse(base.fleet);
  return parsed.success ? (parsed.data.config?.publicKey ?? null) : null;
}

/**
 * The fleet layer the loader applies over `base`: `candidate` when given (a document being
 * checked before it is kept), else the stored one, each only with the provisioning file's key.
 */
export async function fleetLayerFor(base: Record<string, unknown>, userDataDir: string, candidate?: FleetLayer): Promise<FleetLayer | null> {
  const publicKey = fleetPublicKey(base);
  if (!publicKey) return null;
  if (candidate) return candidate;
  const stored = await readStoredFleet(userDataDir);
  return stored ? verifiedLayer(stored, publicKey) : null;
}

/** A provisioning file's value with the fleet layer over it, when there is one (a value that is no object stays as it is, for validation to name). */
export async function withFleetLayer(provisioned: unknown, userDataDir: string, candidate?: FleetLayer): Promise<{ value: unknown; fleet: FleetLayer | null }> {
  if (typeof provisioned !== 'object' || provisioned === null || Array.isArray(provisioned)) return { value: provisioned, fleet: null };
  const fleet = await fleetLayerFor(provisioned as Record<string, unknown>, userDataDir, candidate);
  return { value: fleet ? layerFleetConfig(provisioned as Record<string, unknown>, fleet.config) : provisioned, fleet };
}

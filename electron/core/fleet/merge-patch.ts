/**
 * JSON Merge Patch (RFC 7386): how the fleet configuration lies over the provisioning file.
 * An object merges into the object below it, `null` removes a field (its default applies
 * again), anything else replaces. The RFC's own algorithm (section 2), with one care: the
 * patch is text from outside, so a key such as "__proto__" is written as an own field (for the
 * schema to refuse as unknown), never through the prototype.
 */

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A new value: `target` with `patch` applied. Neither is changed. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete result[key];
    else setOwn(result, key, mergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value));
  }
  return result;
}

/**
 * Whether this installation can update itself. Windows (per-user NSIS), macOS (a signed app) and
 * Linux AppImages can. A Linux .deb cannot without root: electron-updater would run `dpkg -i`
 * through pkexec or sudo, a password prompt nobody answers at a counter. Such kiosks update
 * through their package manager or fleet tools instead.
 */
export type UpdateSupport = { ok: true } | { ok: false; reason: string };

export function selfUpdateSupport(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): UpdateSupport {
  if (platform === 'linux' && !env.APPIMAGE) {
    return { ok: false, reason: 'installed from a package (not an AppImage): updates come from the package manager, which needs root' };
  }
  return { ok: true };
}

/**
 * Whether a release build may start: installers for stores are code-signed, or not built.
 * electron-updater installs a Windows update only if its publisher is the running app's, and
 * Squirrel.Mac takes only signed (and, for Gatekeeper, notarized) apps; an unsigned release would
 * either update nothing or teach stores to click through SmartScreen. electron-builder's own
 * `forceCodeSigning` (electron-builder.yml) fails such a build too, but only after building
 * everything; this says what is missing, and how to make a test build instead, at once.
 *
 * The settings are electron-builder's, as its code reads them (app-builder-lib 26):
 * - Windows (codeSign/windowsSignToolManager.js, winPackager.js): WIN_CSC_LINK or CSC_LINK (a
 *   .pfx/.p12 file, its base64, or an https URL; password in WIN_CSC_KEY_PASSWORD or
 *   CSC_KEY_PASSWORD), or in the config win.signtoolOptions (certificateFile,
 *   certificateSubjectName, certificateSha1, or a custom sign hook) or win.azureSignOptions.
 * - macOS (codeSign/macCodeSign.js, mac/MacTargetHelper.js): CSC_LINK, CSC_NAME or mac.identity,
 *   or a "Developer ID Application" identity that electron-builder finds in the keychain
 *   (unless CSC_IDENTITY_AUTO_DISCOVERY=false); and for notarization APPLE_ID with
 *   APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID, or APPLE_API_KEY with APPLE_API_KEY_ID and
 *   APPLE_API_ISSUER, or APPLE_KEYCHAIN_PROFILE.
 * - Linux: electron-builder signs neither AppImage nor deb; updates are checked by SHA-512 from
 *   the https host. Nothing to ask for.
 */
export type TargetPlatform = 'win' | 'mac' | 'linux';

/** The platforms electron-builder would build for with these arguments (its CLI's flags), on `host`. */
export function targetPlatforms(args: readonly string[], host: NodeJS.Platform): Set<TargetPlatform> {
  const found = new Set<TargetPlatform>();
  const long: Record<string, TargetPlatform> = { '--win': 'win', '--windows': 'win', '--mac': 'mac', '--macos': 'mac', '--linux': 'linux' };
  const short: Record<string, TargetPlatform> = { w: 'win', m: 'mac', o: 'mac', l: 'linux' };
  for (const arg of args) {
    const name = arg.split('=')[0] ?? '';
    if (long[name]) found.add(long[name]);
    // Short flags may be combined (-mwl), as yargs reads them.
    else if (/^-[a-z]+$/.test(arg) && [...arg.slice(1)].every((letter) => short[letter])) for (const letter of arg.slice(1)) found.add(short[letter] as TargetPlatform);
  }
  if (found.size === 0) found.add(host === 'win32' ? 'win' : host === 'darwin' ? 'mac' : 'linux');
  return found;
}

/** The parts of electron-builder.yml that can hold signing settings. */
export interface SigningConfig {
  win?: { signtoolOptions?: Record<string, unknown> | null; azureSignOptions?: unknown } | null;
  mac?: { identity?: string | null; notarize?: boolean | null } | null;
}

export interface SigningContext {
  env: NodeJS.ProcessEnv;
  config: SigningConfig;
  /** Whether the macOS keychain holds a Developer ID Application identity (asked only on a Mac). */
  keychainHasDeveloperId?: () => boolean;
}

const set = (env: NodeJS.ProcessEnv, name: string) => Boolean(env[name]?.trim());

/** What is missing to sign (and notarize) a release for each platform; empty: it may be built. */
export function signingProblems(platforms: ReadonlySet<TargetPlatform>, context: SigningContext): string[] {
  const { env, config } = context;
  const problems: string[] = [];
  if (platforms.has('win')) {
    const tool = config.win?.signtoolOptions ?? {};
    const configured = ['certificateFile', 'certificateSubjectName', 'certificateSha1', 'sign'].some((key) => tool[key] != null) || config.win?.azureSignOptions != null;
    if (!configured && !set(env, 'WIN_CSC_LINK') && !set(env, 'CSC_LINK')) {
      problems.push('Windows: no code-signing certificate. Set CSC_LINK (the .pfx/.p12 file, or its base64) and CSC_KEY_PASSWORD (or WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD), or win.azureSignOptions for Azure Trusted Signing.');
    }
  }
  if (platforms.has('mac')) {
    const autoDiscovery = env.CSC_IDENTITY_AUTO_DISCOVERY !== 'false';
    const identity = set(env, 'CSC_LINK') || set(env, 'CSC_NAME') || Boolean(config.mac?.identity) || (autoDiscovery && (context.keychainHasDeveloperId?.() ?? false));
    if (config.mac?.identity === null || !identity) {
      problems.push('macOS: no signing identity. Set CSC_LINK (a Developer ID Application .p12) and CSC_KEY_PASSWORD, or CSC_NAME, or put the identity in the keychain.');
    }
    const notarize =
      (set(env, 'APPLE_ID') && set(env, 'APPLE_APP_SPECIFIC_PASSWORD') && set(env, 'APPLE_TEAM_ID')) ||
      (set(env, 'APPLE_API_KEY') && set(env, 'APPLE_API_KEY_ID') && set(env, 'APPLE_API_ISSUER')) ||
      set(env, 'APPLE_KEYCHAIN_PROFILE');
    if (config.mac?.notarize === false || !notarize) {
      problems.push('macOS: no notarization. Set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID (or APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_KEYCHAIN_PROFILE).');
    }
  }
  return problems;
}

/** Every variable that would make electron-builder sign or notarize: an unsigned build clears them, so its name tells the truth. */
export const SIGNING_ENV = [
  'CSC_LINK',
  'CSC_KEY_PASSWORD',
  'CSC_NAME',
  'WIN_CSC_LINK',
  'WIN_CSC_KEY_PASSWORD',
  'APPLE_ID',
  'APPLE_APP_SPECIFIC_PASSWORD',
  'APPLE_TEAM_ID',
  'APPLE_API_KEY',
  'APPLE_API_KEY_ID',
  'APPLE_API_ISSUER',
  'APPLE_KEYCHAIN_PROFILE',
  'APPLE_KEYCHAIN',
] as const;

/** The artifact names of an unsigned build: as a release's, with "unsigned" before the extension. */
export const UNSIGNED_ARTIFACT_NAME = '${productName}-${version}-${os}-${arch}-unsigned.${ext}';

/** electron-builder's arguments and environment for an unsigned test build. */
export function unsignedBuild(env: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv } {
  const cleared: NodeJS.ProcessEnv = { ...env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' };
  for (const name of SIGNING_ENV) delete cleared[name];
  // `-c.mac.identity=null` is electron-builder's documented way to skip macOS signing.
  return { args: ['-c.forceCodeSigning=false', '-c.mac.identity=null', `-c.artifactName=${UNSIGNED_ARTIFACT_NAME}`], env: cleared };
}

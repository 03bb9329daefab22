/**
 * `npm run dist [-- electron-builder options]`: the release installers (README, "Building
 * installers"), code-signed, or none: without signing settings for a target platform it stops
 * before building anything and says what is missing (scripts/release/signing.ts).
 * `npm run dist:unsigned [-- options]`: a test build, unsigned on purpose, whose files say so
 * (`…-unsigned.exe`); never for stores.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { signingProblems, targetPlatforms, unsignedBuild, type SigningConfig } from './release/signing';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const unsigned = args.includes('--unsigned');
const builderArgs = args.filter((arg) => arg !== '--unsigned');

/** Whether the login keychain holds a Developer ID Application identity (what electron-builder would find). */
function keychainHasDeveloperId(): boolean {
  const found = spawnSync('security', ['find-identity', '-v', '-p', 'codesigning'], { encoding: 'utf8' });
  return found.status === 0 && /Developer ID Application/.test(found.stdout);
}

let env: NodeJS.ProcessEnv = process.env;
let extraArgs: string[] = [];
if (unsigned) {
  ({ env, args: extraArgs } = unsignedBuild(process.env));
  console.warn('An UNSIGNED test build, not for stores: its files are named "…-unsigned". Never put it on an update host (Windows and macOS kiosks on a signed build refuse it; Linux ones would not).');
} else {
  const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as SigningConfig;
  const platforms = targetPlatforms(builderArgs, process.platform);
  const problems = signingProblems(platforms, { env: process.env, config, keychainHasDeveloperId: process.platform === 'darwin' ? keychainHasDeveloperId : undefined });
  if (problems.length) {
    console.error(`npm run dist builds release installers, and those are code-signed (README, "Building installers"). Missing:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nFor a test build that is not for stores: npm run dist:unsigned${builderArgs.length ? ` -- ${builderArgs.join(' ')}` : ''}`);
    process.exit(1);
  }
  if (platforms.has('linux')) console.log('Linux: electron-builder signs neither AppImage nor deb; kiosks check each update by its SHA-512 from the https host.');
}

// Only now: the build tools are heavy, and a refusal should come at once.
const { buildIfStale } = await import('./build');
await buildIfStale(true);
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
// The unsigned build's overrides (-c.*) are laid over electron-builder.yml, which electron-builder finds itself.
const configArgs = unsigned ? extraArgs : ['--config', 'electron-builder.yml'];
const result = spawnSync(process.execPath, [cli, ...configArgs, ...builderArgs], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);

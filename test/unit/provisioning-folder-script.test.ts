/**
 * The Windows installer's provisioning folder (assets/provisioning-folder.nsh): wired into the
 * NSIS build by electron-builder.yml, saying what it must (the folder the kiosk reads, the access
 * list: administrators and SYSTEM write, users read, nothing inherited), and compiling with
 * makensis (Debian's nsis package) inside a stand-in for electron-builder's installer script.
 * It cannot run here (no Windows): what Windows does with it is its documentation's word.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_FOLDER } from '../../electron/core/config/provisioning-path';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { nsis: { include?: string } };
const scriptPath = path.join(root, config.nsis.include ?? '(none)');
const script = readFileSync(scriptPath, 'utf8');
/** The script without its comments: what it does, not what it says it does. */
const code = script
  .split('\n')
  .filter((line) => !line.trim().startsWith(';'))
  .join('\n');

const hasMakensis = spawnSync('makensis', ['-VERSION'], { stdio: 'ignore' }).status === 0;
if (!hasMakensis) console.log('SKIP: makensis is not installed (apt-get install nsis): the provisioning folder script was checked but not compiled.');

describe('the NSIS include that makes the provisioning folder', () => {
  it('is wired into the NSIS build (nsis.include) and defines customInstall, which electron-builder inserts', () => {
    expect(config.nsis.include).toBe('assets/provisioning-folder.nsh');
    expect(code).toMatch(/^!macro customInstall$/m);
    // electron-builder's own template inserts it at the end of its install section.
    const installSection = readFileSync(path.join(root, 'node_modules/app-builder-lib/templates/nsis/installSection.nsh'), 'utf8');
    expect(installSection).toContain('!insertmacro customInstall');
  });

  it('makes the folder the kiosk reads: %ProgramData%\\<product>, found through Windows (FOLDERID_ProgramData), not the environment', () => {
    expect(code).toContain(`!define KIOSK_PROVISIONING_FOLDER "${APP_FOLDER}"`);
    expect(code).toContain('{62AB5D82-FDC1-4DC3-A9DD-070D1D495D97}'); // FOLDERID_ProgramData
    expect(code).toContain('SHGetKnownFolderPath');
    expect(code).not.toMatch(/ReadEnvStr|%ProgramData%|\$COMMONAPPDATA/i);
  });

  it('gives write only to SYSTEM and Administrators, read to Users, inherits nothing, and takes the owner’s implicit rights away', () => {
    const dacl = /!define KIOSK_FOLDER_DACL "([^"]+)"/.exec(code)?.[1] ?? '';
    // Protected (nothing inherited), and exactly these entries.
    expect(dacl.startsWith('D:P')).toBe(true);
    expect(dacl.slice(3).match(/\([^)]*\)/g)).toEqual(['(A;OICI;FA;;;SY)', '(A;OICI;FA;;;BA)', '(A;OICI;FRFX;;;BU)', '(A;OICI;FRFX;;;OW)']);
    const icacls = /!define KIOSK_FOLDER_ICACLS "([^"]+)"/.exec(code)?.[1] ?? '';
    expect(icacls.split(' ')).toEqual(['/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX', '*S-1-3-4:(OI)(CI)RX']);
    // No write for anyone else, by SID or by name (Everyone, Authenticated Users, CREATOR OWNER, Users).
    expect(code).not.toMatch(/S-1-1-0|S-1-5-11|S-1-3-0|;;;WD\)|;;;AU\)|;;;CO\)|Everyone/);
    expect(code).not.toMatch(/S-1-5-32-545:\(OI\)\(CI\)[^R]/);
  });

  it('creates a new folder with its access list in one call; an elevated install makes Administrators the owner', () => {
    expect(code).toContain('ConvertStringSecurityDescriptorToSecurityDescriptorW');
    expect(code).toContain('CreateDirectoryW');
    expect(code).toContain('StrCpy $1 "O:BA${KIOSK_FOLDER_DACL}"');
    expect(code).not.toMatch(/^\s*CreateDirectory\s/m); // NSIS's own would create it open, then fix it: a window for a planter
  });

  it('resets an existing folder (owner, then the list on it and all it holds) only when elevated, and logs what it did', () => {
    const existing = code.slice(code.indexOf('${If} ${FileExists}'), code.indexOf('${Else}\n      ; Owner Administrators'));
    expect(existing).toContain('${If} ${UAC_IsAdmin}');
    expect(existing).toContain("icacls \"$0\" /setowner *S-1-5-32-544 /T /C /Q");
    expect(existing).toContain("icacls \"$0\" /reset /T /C /Q");
    expect(existing).toContain("icacls \"$0\" ${KIOSK_FOLDER_ICACLS} /Q");
    expect(existing.match(/DetailPrint/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!hasMakensis)('compiles with makensis inside a stand-in for electron-builder’s installer', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-nsis-'));
    try {
      // electron-builder's installer has LogicLib and its UAC.nsh (UAC_IsAdmin) loaded before the
      // include; Debian's NSIS has no UAC plug-in, so the stand-in asks UserInfo instead.
      const harness = [
        'Unicode true',
        '!include LogicLib.nsh',
        '!macro _UAC_IsAdmin _a _b _t _f',
        '  UserInfo::GetAccountType',
        '  Pop $R9',
        '  StrCmp $R9 "Admin" `${_t}` `${_f}`',
        '!macroend',
        '!define UAC_IsAdmin `"" UAC_IsAdmin ""`',
        `OutFile "${path.join(dir, 'harness.exe')}"`,
        'RequestExecutionLevel user',
        `!include "${scriptPath}"`,
        'Section "install"',
        '  !insertmacro customInstall',
        'SectionEnd',
      ].join('\n');
      const harnessPath = path.join(dir, 'harness.nsi');
      writeFileSync(harnessPath, harness);
      const run = spawnSync('makensis', ['-V2', '-WX', harnessPath], { encoding: 'utf8' });
      expect(run.stdout + run.stderr).not.toMatch(/error|warning/i);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

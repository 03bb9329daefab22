/** The ESLint layer rules really reject what the architecture forbids (and allow what it needs). */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('layer rules', () => {
  it('let the renderer import the contract types', async () => {
    expect(await messages('renderer/src/x.ts', "import type { KioskApi } from '../../electron/shared/contract';\nexport type T = KioskApi;\n")).toEqual([]);
  });

  it('refuse the renderer a value import from the contract, main-process code, Node and Electron', async () => {
    expect((await messages('renderer/src/x.ts', "import { requests } from '../../electron/shared/contract';\nexport const r = requests;\n")).join()).toMatch(/import only types/);
    expect((await messages('renderer/src/x.ts', "import { startKioskCore } from '../../electron/core/kiosk-core';\nexport const s = startKioskCore;\n")).join()).toMatch(/Bad layering/);
    expect((await messages('renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).join()).toMatch(/without Node/);
    expect((await messages('renderer/src/x.ts', "import { shell } from 'electron';\nexport const s = shell;\n")).join()).toMatch(/never imports Electron/);
  });

  it('keep ipcMain and ipcRenderer inside the IPC wrapper files', async () => {
    expect((await messages('electron/main/window.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n")).join()).toMatch(/Only the IPC wrapper files/);
    expect((await messages('electron/main/other.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).join()).toMatch(/Only the IPC wrapper files/);
    expect(await messages('electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n")).toEqual([]);
  });

  it('keep Electron out of the core', async () => {
    expect((await messages('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).join()).toMatch(/plain Node/);
  });

  it('keep validation out of what pages load first: the preload and the page bridges take channels, not schemas', async () => {
    expect((await messages('electron/web/page-bridge.ts', "import { requestArgs } from '../shared/contract';\nexport const r = requestArgs;\n")).join()).toMatch(/zod-free channels\.ts/);
    expect((await messages('electron/preload/preload.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).join()).toMatch(/no validation here/);
    expect((await messages('electron/shared/kiosk-api.ts', "import { requests } from './contract';\nexport const r = requests;\n")).join()).toMatch(/zod-free channels\.ts/);
    expect(await messages('electron/shared/kiosk-api.ts', "import type { PageApi } from './contract';\nimport { requests } from './channels';\nexport type P = PageApi<'ui'>;\nexport const r = requests;\n")).toEqual([]);
    // Main's side may validate.
    expect(await messages('electron/core/bridge/x.ts', "import { requestArgs } from '../../shared/contract';\nexport const r = requestArgs;\n")).toEqual([]);
  });
});

/** The camera's tuning as staff read it: what it offers, and what it was set to (health view). */
import type { TFunction } from 'i18next';
import type { CameraTuning } from '../../../electron/shared/camera-tuning';

type Mode = 'none' | 'manual' | 'single-shot' | 'continuous';

export function cameraTuningRows(t: TFunction, tuning: CameraTuning | null): Array<[string, string]> {
  if (!tuning) return [];
  const unknown = t('staff.health.unknown');
  const number = (value: number | null) => (value === null ? unknown : String(value));
  const mode = (value: string) => t(`staff.health.cameraModes.${value as Mode}`, { defaultValue: value });
  const modes = (values: string[]) => (values.length ? values.map(mode).join(', ') : t('staff.health.none'));
  const { offered, applied } = tuning;
  const range = offered.focusDistance ? `; ${t('staff.health.cameraFocusRange', { min: offered.focusDistance.min, max: offered.focusDistance.max })}` : '';
  const offers = `${t('staff.health.cameraTuning', { width: number(offered.width), height: number(offered.height), frameRate: number(offered.frameRate), focus: modes(offered.focusModes), exposure: modes(offered.exposureModes) })}${range}`;
  const focus = applied.focusMode === null ? unknown : applied.focusDistance !== null && applied.focusMode === 'manual' ? `${mode(applied.focusMode)} (${applied.focusDistance})` : mode(applied.focusMode);
  const set = t('staff.health.cameraTuning', { width: number(applied.width), height: number(applied.height), frameRate: number(applied.frameRate), focus, exposure: applied.exposureMode === null ? unknown : mode(applied.exposureMode) });
  return [
    [t('staff.health.cameraOffers'), offers],
    [t('staff.health.cameraApplied'), tuning.problem ? `${set}; ${t('staff.health.cameraRefused', { problem: tuning.problem })}` : set],
  ];
}

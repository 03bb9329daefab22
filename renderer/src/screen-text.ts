/**
 * What each screen says first, in the current language: the announcer reads it aloud, and the
 * member screen's points are formatted the same way.
 */
import type { TFunction } from 'i18next';
import type { SessionView } from '../../electron/shared/session-view';

export function pointsText(t: TFunction, points: { amount: number; currency: string }): string {
  return points.currency.toLowerCase() === 'points' ? t('member.points', { amount: points.amount }) : t('member.pointsIn', { amount: points.amount, currency: points.currency });
}

/** @param extras.cameraHint the camera finds a code it cannot read: the ready screen says what to do. */
export function announcement(t: TFunction, view: SessionView | null, extras: { cameraHint?: boolean } = {}): string {
  if (!view) return t('common.starting');
  switch (view.screen) {
    case 'ready':
      return `${t('ready.title')}. ${t('ready.body')}${extras.cameraHint ? ` ${t('ready.cameraHint')}` : ''}`;
    case 'identifying':
      return t('identifying.title');
    case 'member': {
      const greeting = view.member.firstName ? t('member.greeting', { name: view.member.firstName }) : t('member.greetingNoName');
      return view.member.points ? `${greeting} ${t('member.pointsLabel')}: ${pointsText(t, view.member.points)}.` : greeting;
    }
    case 'notMember':
      return `${t('notMember.title')}. ${view.vippsCheckIn ? t('notMember.vippsBody') : t('notMember.body')}`;
    case 'codeProblem':
      return `${t(`codeProblem.${view.reason}.title`)}. ${t(`codeProblem.${view.reason}.body`)}`;
    case 'serviceProblem':
      return `${t(`serviceProblem.${view.reason}.title`)}. ${t(`serviceProblem.${view.reason}.body`)}`;
    case 'needsStaff':
      return `${t('needsStaff.title')}. ${t('needsStaff.body')}`;
  }
}

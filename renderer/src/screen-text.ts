/**
 * What each screen says first, in the current language: the announcer reads it aloud, and the
 * member screen's points are formatted the same way.
 */
import type { TFunction } from 'i18next';
import type { SessionView } from '../../electron/shared/session-view';

/** The number alone under "Your points" ("14,464"); a currency other than points keeps its name. */
export function pointsAmountText(t: TFunction, points: { amount: number; currency: string }): string {
  return points.currency.toLowerCase() === 'points' ? t('member.pointsAmount', { amount: points.amount }) : t('member.pointsIn', { amount: points.amount, currency: points.currency });
}

/**
 * @param extras.cameraHint the camera finds a code it cannot read: the ready screen says what to do.
 * @param extras.joinQr the notMember screen shows the chain's join link as a QR code.
 */
export function announcement(t: TFunction, view: SessionView | null, extras: { cameraHint?: boolean; joinQr?: boolean } = {}): string {
  if (!view) return t('common.starting');
  switch (view.screen) {
    case 'ready':
      return `${t('ready.title')}. ${t('ready.body')}${extras.cameraHint ? ` ${t('ready.cameraHint')}` : ''}`;
    case 'identifying':
      return view.typed ? t('identifying.gotItTyped') : t('identifying.gotIt');
    case 'member': {
      const greeting = view.member.firstName ? t('member.greeting', { name: view.member.firstName }) : t('member.greetingNoName');
      return view.member.points ? `${greeting} ${t('member.pointsLabel')}: ${pointsAmountText(t, view.member.points)}.` : greeting;
    }
    case 'notMember':
      return view.vippsCheckIn ? `${t('notMember.vippsTitle')}. ${t('notMember.vippsBody')}` : `${t('notMember.title')}. ${t(extras.joinQr ? 'notMember.joinQrBody' : 'notMember.body')}`;
    case 'codeProblem':
      return `${t(`codeProblem.${view.reason}.title`)}. ${t(`codeProblem.${view.reason}.body`)}`;
    case 'serviceProblem':
      return `${t(`serviceProblem.${view.reason}.title`)}. ${t(`serviceProblem.${view.reason}.body`)}`;
    case 'needsStaff':
      return `${t('needsStaff.title')}. ${t('needsStaff.body')}`;
  }
}

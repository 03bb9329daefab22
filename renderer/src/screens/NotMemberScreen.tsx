/**
 * A customer who is not a member yet: an invitation to join, never a refusal, led by how to join.
 * Vipps invited them on their phone; else the chain's join link as a QR code (`joinUrl`, made by
 * main), else "ask at the till". "Joined? Scan again" goes back to scanning. It stays up twice
 * as long as other results (session-machine.ts): joining takes a moment.
 */
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session-store';
import { ResultLayout } from './ResultLayout';

export function NotMemberScreen({ vippsCheckIn, resetInSeconds }: { vippsCheckIn: boolean; resetInSeconds: number }) {
  const { t } = useTranslation();
  const join = useSessionStore((state) => state.appearance?.join ?? null);
  if (vippsCheckIn) return <ResultLayout tone="neutral" icon="star" title={t('notMember.vippsTitle')} body={t('notMember.vippsBody')} action="scanAgain" resetInSeconds={resetInSeconds} />;
  if (!join) return <ResultLayout tone="neutral" icon="star" title={t('notMember.title')} body={t('notMember.body')} action="scanAgain" resetInSeconds={resetInSeconds} />;
  const quiet = 4; // modules of white around the code, as the QR standard asks
  return (
    <ResultLayout tone="neutral" icon="star" title={t('notMember.title')} body={t('notMember.joinQrBody')} action="scanAgain" resetInSeconds={resetInSeconds}>
      <svg className="join-qr" data-testid="join-qr" viewBox={`${-quiet} ${-quiet} ${join.size + 2 * quiet} ${join.size + 2 * quiet}`} role="img" aria-label={join.url} shapeRendering="crispEdges">
        <rect x={-quiet} y={-quiet} width={join.size + 2 * quiet} height={join.size + 2 * quiet} fill="#ffffff" />
        <path d={join.path} fill="#000000" />
      </svg>
    </ResultLayout>
  );
}

import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../electron/shared/session-view';
import { pointsText } from '../screen-text';
import { ResultLayout } from './ResultLayout';

export function MemberScreen({ member, resetInSeconds }: { member: MemberView; resetInSeconds: number }) {
  const { t } = useTranslation();
  const greeting = member.firstName ? t('member.greeting', { name: member.firstName }) : t('member.greetingNoName');
  return (
    <ResultLayout tone="good" icon="check" title={greeting} resetInSeconds={resetInSeconds}>
      {member.points && (
        <div className="points card">
          <span className="points-label">{t('member.pointsLabel')}</span>
          <span className="points-value" data-testid="points">
            {pointsText(t, member.points)}
          </span>
        </div>
      )}
      <div className="items card">
        <h2>{t('member.itemsTitle')}</h2>
        {member.items.length === 0 ? (
          <p className="muted">{t('member.noItems')}</p>
        ) : (
          <ul data-testid="items">
            {member.items.map((item, index) => (
              <li key={index} className={`item item-${item.kind}`}>
                <span className="item-quantity">{t('member.quantity', { count: item.quantity })}</span>
                <span className="item-name">{item.name}</span>
                <span className="item-kind">{t(`member.kind.${item.kind}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </ResultLayout>
  );
}

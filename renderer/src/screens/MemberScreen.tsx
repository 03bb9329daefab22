import { useTranslation } from 'react-i18next';
import type { MemberItemView, MemberView } from '../../../electron/shared/session-view';
import { pointsAmountText } from '../screen-text';
import { ResultLayout } from './ResultLayout';

/** "Whopper Jr." from the catalogue; "Offer (2002)" for a PLU it has no name for. */
function itemName(t: ReturnType<typeof useTranslation>['t'], item: MemberItemView): string {
  return item.named ? item.name : t(`member.unnamed.${item.kind}`, { plu: item.name });
}

export function MemberScreen({ member, resetInSeconds }: { member: MemberView; resetInSeconds: number }) {
  const { t } = useTranslation();
  const greeting = member.firstName ? t('member.greeting', { name: member.firstName }) : t('member.greetingNoName');
  return (
    <ResultLayout tone="good" icon="check" title={greeting} resetInSeconds={resetInSeconds}>
      {member.points && (
        <div className="points card">
          <span className="points-label">{t('member.pointsLabel')}</span>
          <span className="points-value" data-testid="points">
            {pointsAmountText(t, member.points)}
          </span>
        </div>
      )}
      {member.items.length === 0 ? (
        <p className="items card no-items" data-testid="no-items">
          {t('member.noItems')}
        </p>
      ) : (
        <div className="items card">
          <h2>{t('member.itemsTitle')}</h2>
          <ul data-testid="items">
            {member.items.map((item, index) => (
              <li key={index} className={`item item-${item.kind}`}>
                <span className="item-quantity">{t('member.quantity', { count: item.quantity })}</span>
                <span className="item-name">{itemName(t, item)}</span>
                {/* An unnamed item's name says its kind already ("Offer (2002)"). */}
                {item.named && <span className="item-kind">{t(`member.kind.${item.kind}`)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ResultLayout>
  );
}

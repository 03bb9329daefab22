/** "Type your code", beside the scan prompt (on the attract screen too), when the keypad is on. */
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { openKeypad, useKeypadStore } from './keypad-store';

export function TypeCodeButton() {
  const { t } = useTranslation();
  const enabled = useKeypadStore((state) => state.view?.enabled ?? false);
  if (!enabled) return null;
  return (
    <button type="button" className="type-code-button" onClick={openKeypad}>
      <Icon name="keypad" className="option-icon" />
      {t('ready.typeCode')}
    </button>
  );
}

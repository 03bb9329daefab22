/**
 * The on-screen keypad for the 6-digit code, for a customer whose scan keeps failing: touch
 * first, and a keyboard and a screen reader too. A modal dialog (the page's own: the rest of the
 * page is inert, so the focus stays inside); digit keys named by their digit, Delete and Clear,
 * Cancel (or Escape), and OK only with 6 digits. Keys that cannot act are `aria-disabled`, not
 * `disabled`: a disabled button loses the focus, and the focus would leave the dialog. What is entered is said in its own live region
 * (the page's announcer is outside the dialog, so inert while it is open).
 *
 * A person's keys on a physical keyboard: digits come from main (keypad-store.ts), Backspace,
 * Delete, Escape and Enter as the page sees them. Enter on a key presses that key; elsewhere it
 * submits a complete code, so a typist whose focus never moved needs no mouse.
 */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { clearDigits, closeKeypad, CODE_LENGTH, deleteDigit, submitCode, typeDigit, useKeypadStore } from './keypad-store';
import { useKeypadIdle } from './use-keypad-idle';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function Keypad() {
  const { t } = useTranslation();
  const digits = useKeypadStore((state) => state.digits);
  const view = useKeypadStore((state) => state.view);
  const submitting = useKeypadStore((state) => state.submitting);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const restSeconds = view?.restSeconds ?? null;
  const resting = restSeconds !== null;
  useKeypadIdle((view?.idleSeconds ?? 15) * 1000, closeKeypad, digits);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    heading.current?.focus({ preventScroll: true }); // not a key: Enter then submits, never types a digit
    return () => element.close();
  }, []);

  // Keys the page sees (the printable ones reach it only through main).
  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const onButton = event.target instanceof HTMLButtonElement;
    if (event.key === 'Backspace' || event.key === 'Delete') deleteDigit();
    else if (event.key === 'Escape') closeKeypad();
    else if (event.key === 'Enter' && !onButton) submitCode();
    else return;
    event.preventDefault();
  };
  // The dialog's own Escape (a close request): main decides, the page follows.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    closeKeypad();
  };

  const complete = digits.length === CODE_LENGTH;
  const status = resting ? t('keypad.resting', { count: restSeconds }) : digits ? t('keypad.entered', { count: digits.length, digits: [...digits].join(' ') }) : t('keypad.empty');
  return (
    <dialog ref={dialog} className="keypad" aria-labelledby="keypad-title" aria-describedby="keypad-body" onKeyDown={onKeyDown} onCancel={onCancel} data-testid="keypad">
      <h2 id="keypad-title" ref={heading} tabIndex={-1}>
        {t('keypad.title')}
      </h2>
      <p id="keypad-body" className={resting ? 'keypad-body keypad-resting' : 'keypad-body'}>
        {resting ? t('keypad.resting', { count: restSeconds }) : t('keypad.body')}
      </p>
      <div className="code-boxes" aria-hidden="true" data-testid="typed-code">
        {Array.from({ length: CODE_LENGTH }, (_, index) => (
          <span key={index} className={index === digits.length && !resting ? 'code-box is-next' : 'code-box'}>
            {digits[index] ?? ''}
          </span>
        ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="keypad-status">
        {status}
      </p>
      <div className="keypad-keys">
        {DIGITS.map((digit) => (
          <button key={digit} type="button" className="keypad-key" aria-disabled={resting} onClick={() => typeDigit(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="keypad-key keypad-key-word" onClick={clearDigits}>
          {t('keypad.clear')}
        </button>
        <button type="button" className="keypad-key" aria-disabled={resting} onClick={() => typeDigit('0')}>
          0
        </button>
        <button type="button" className="keypad-key" aria-label={t('keypad.delete')} onClick={deleteDigit}>
          <Icon name="backspace" className="keypad-key-icon" />
        </button>
      </div>
      <div className="keypad-actions">
        <button type="button" className="keypad-action" onClick={closeKeypad}>
          {t('keypad.cancel')}
        </button>
        <button type="button" className="keypad-action keypad-submit" aria-disabled={!complete || resting || submitting} onClick={submitCode}>
          {t('keypad.submit')}
        </button>
      </div>
    </dialog>
  );
}

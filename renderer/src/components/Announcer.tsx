/**
 * One live region for the whole kiosk, always in the page, so screen readers announce each new
 * screen (a region that appears with its text is often not read). Its text is what the screen
 * says first: the title, then what to do. A new result with the same words (a second unreadable
 * code) is announced again: the region empties for a moment first.
 */
import { useEffect, useState } from 'react';

export function Announcer({ text, announceKey }: { text: string; announceKey: number }) {
  const [shown, setShown] = useState(text);
  useEffect(() => {
    setShown('');
    const timer = setTimeout(() => setShown(text), 100);
    return () => clearTimeout(timer);
  }, [text, announceKey]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {shown}
    </div>
  );
}

/**
 * One live region for the whole kiosk, always in the page, so screen readers announce each new
 * screen (a region that appears with its text is often not read). Its text is what the screen
 * says first: the title, then what to do.
 */
export function Announcer({ text }: { text: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}

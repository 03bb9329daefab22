/** The screens' pictograms: drawn, decorative (the words beside them say everything), never colour alone. */
const PATHS = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  alert: 'M12 7v6.5M12 17.2v.3',
  info: 'M12 10.5V17M12 7v.3',
  star: 'M12 4.5l2.3 4.7 5.2.8-3.8 3.6.9 5.2-4.6-2.4-4.6 2.4.9-5.2-3.8-3.6 5.2-.8z',
  clock: 'M12 7v5l3.5 2',
  globe: 'M12 3.5a8.5 8.5 0 100 17 8.5 8.5 0 000-17zM3.5 12h17M12 3.5c2.5 2.6 3.6 5.4 3.6 8.5s-1.1 5.9-3.6 8.5c-2.5-2.6-3.6-5.4-3.6-8.5s1.1-5.9 3.6-8.5z',
  text: 'M4 18l4.5-12L13 18M5.6 14h5.8M14.5 18l3-8 3 8M15.4 15.6h4.2',
  keypad: 'M6 5.5h.01M12 5.5h.01M18 5.5h.01M6 11h.01M12 11h.01M18 11h.01M6 16.5h.01M12 16.5h.01M18 16.5h.01M12 21h.01',
  backspace: 'M9 5.5h11v13H9L3.5 12zM12.5 9.5l5 5M17.5 9.5l-5 5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  const filled = name === 'star';
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {name === 'clock' && <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" strokeWidth="2" />}
      <path d={PATHS[name]} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={filled ? 1 : name === 'keypad' ? 3.6 : 2.4} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

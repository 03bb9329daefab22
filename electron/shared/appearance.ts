/**
 * How the customer UI looks and sounds, from the configuration: the default language, the
 * chain's brand, sounds and the attract screen's delay. Main sends it whole; the page applies it.
 */
export interface Appearance {
  /** The configured language: the default, and where every customer's choice goes back to. */
  locale: string;
  brand: {
    /** The loyalty programme's name, shown in the top bar; null: the catalogue's generic name. */
    programName: string | null;
    /** The brand colour, `#rrggbb`; the page derives readable shades from it. */
    color: string;
    /** The logo as a data URL (read by main from `brand.logo`), or null. */
    logo: string | null;
  };
  sounds: { enabled: boolean; volume: number };
  /** Seconds on `ready` with nobody scanning before the attract animation starts. */
  attractAfterSeconds: number;
  /** What members get, for the attract screen, per language (`brand.attractLine`; a list, never keyed by the file's text). */
  attractLine: Array<{ language: string; text: string }>;
  /** The chain's join link (`joinUrl`) and its QR code, drawn by the page as one SVG path; null: none. */
  join: { url: string; size: number; path: string } | null;
}

/** The product as it names itself to other systems (Vipps' system headers; package.json's productName). */
export const PRODUCT_NAME = 'Counter Loyalty Kiosk';

export interface Product {
  name: string;
  /** The app's version (package.json), or "development". */
  version: string;
}

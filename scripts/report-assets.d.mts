export const REPORT_ASSETS_ID: string;
export function reportAssetsModule(): Promise<string>;

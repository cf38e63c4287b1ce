/** The expression the CLI bundle's banner gives `import.meta.url` (module-url.mjs). */
export declare const MODULE_URL: string;

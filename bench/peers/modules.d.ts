// The peers' JavaScript entry points, as bench/peers/tools.ts uses them (none ships types).
declare module 'squint-cljs' {
  export function compileString(src: string): string;
}
declare module 'cherry-cljs/index.js' {
  export function compileString(src: string): string;
}
declare module 'nbb' {
  export function loadString(src: string): Promise<unknown>;
}

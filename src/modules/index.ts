export { FsModuleLoader, stdlibDir } from './fs-loader.js';

export {
  ConfigCodes,
  type ConfigData,
  type ConfigFormat,
  formatOf,
  jsonError,
  parseConfigText,
  readConfigFile,
  shapeError,
} from './load.js';

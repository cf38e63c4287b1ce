/** Every `rtfs` subcommand, in the order `rtfs --help` lists them. */
import type { RegisterCommand } from '../command.js';
import { registerRead } from './read.js';

export const commands: readonly RegisterCommand[] = [registerRead];

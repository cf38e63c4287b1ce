/**
 * zod/mini's issue messages in English. The classic `zod` entry set this default on its
 * first schema; zod/mini ships no locale, so every module that defines schemas imports
 * this one first (a side-effect import, listed in package.json's `sideEffects`).
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

/** The planner's lexicon (data) and the language of a goal. */
export {
  type Comparator,
  type Foreign,
  type Lexicon,
  fold,
  lexicon,
  lexiconProblems,
} from './data.js';
export {
  type GoalLanguage,
  detectLanguage,
  englishPhrases,
  toEnglish,
  unsupportedScript,
} from './language.js';

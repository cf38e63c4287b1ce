export { Source } from './source.js';
export {
  type Span,
  NodeSpan,
  span,
  joinSpans,
  formatLocation,
  renderExcerpt,
  clipText,
  childSpan,
} from './span.js';

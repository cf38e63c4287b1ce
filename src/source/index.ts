export { Source } from './source.js';
export {
  type Span,
  NodeSpan,
  span,
  joinSpans,
  formatLocation,
  renderExcerpt,
  childSpan,
} from './span.js';

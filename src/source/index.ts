export { Source } from './source.js';
export {
  type Span,
  type NodeSpan,
  span,
  joinSpans,
  formatLocation,
  renderExcerpt,
  childSpan,
} from './span.js';

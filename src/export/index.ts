/** Exporters of the causal chain to other systems (front ends beside src/cli). */
export * as otlp from './otlp/index.js';

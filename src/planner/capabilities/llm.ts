/** `llm.complete`: one model completion through the configured provider (effects [:llm]). */
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import type { Capability } from '../../host/index.js';
import { type LlmProvider, promptHash } from '../llm/providers.js';
import { plannerCapability } from './define.js';
import { SCHEMAS } from './schemas.js';

export function llmCompleteCapability(provider: LlmProvider): Capability {
  return plannerCapability({
    id: 'llm.complete',
    description: `A completion from the language model (provider ${provider.label}); temperature 0`,
    ...SCHEMAS.llm,
    effects: ['llm'],
    parse: z.object({
      purpose: z.string(),
      prompt_version: z.string(),
      prompt: z.string(),
      temperature: z.number(),
      max_tokens: z.optional(z.number().check(z.int())),
    }),
    run: (i) => {
      const r = provider.complete(i);
      return { text: r.text, model: r.model, prompt_sha256: promptHash(i.prompt) };
    },
  });
}

import OpenAI from 'openai';
import { OpenAIChatCompletionsModel, OpenAIResponsesModel, type Model } from '@openai/agents';
import type { Config } from '../config.js';
import { OfflineModel } from './offline/offlineModel.js';

export interface SelectedModel {
  model: Model;
  /** The name recorded on runs and traces. */
  name: string;
  provider: 'offline' | 'openai' | 'openai-compatible';
}

export const DEFAULT_OPENAI_MODEL = 'gpt-5-mini';

/**
 * Offline unless a key or a compatible server is configured; `AGENT_MODEL=offline`
 * forces the built-in model. The OpenAI client does the bounded retries with
 * backoff (honouring Retry-After) and the per-request timeout.
 */
export function selectModel(config: Config): SelectedModel {
  const wantsOffline = config.AGENT_MODEL === 'offline' || (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL);
  if (wantsOffline) return { model: new OfflineModel(), name: 'offline', provider: 'offline' };

  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    baseURL: config.OPENAI_BASE_URL,
    maxRetries: config.AGENT_MODEL_RETRIES,
    // Shorter than the run budget, so a hung request can still be retried within the run.
    timeout: Math.min(config.AGENT_MODEL_TIMEOUT_MS, config.AGENT_RUN_TIMEOUT_MS),
  });
  const name = config.AGENT_MODEL ?? DEFAULT_OPENAI_MODEL;
  const model =
    config.OPENAI_API === 'chat_completions'
      ? new OpenAIChatCompletionsModel(client, name)
      : new OpenAIResponsesModel(client, name);
  return { model, name, provider: config.OPENAI_BASE_URL ? 'openai-compatible' : 'openai' };
}

import type { Model } from '@openai/agents';
import { APP_VERSION, type Config } from '../config.js';
import type { Store } from '../store/index.js';
import { PolicyGate, loadPolicyRules, type PolicyRules } from '../policy/index.js';
import { TOOL_SPECS } from '../tools/index.js';
import { createLogger, type Logger } from '../logging/logger.js';
import type { TraceSink } from '../tracing/traceRouter.js';
import { ListingAssistant } from './assistant.js';
import { selectModel, type SelectedModel } from './modelSelection.js';
import { selectPrompts, type PromptSelector } from './promptSelection.js';

export interface AssistantDeps {
  /** Limits, prompt versions, model and policy file come from here unless given below. */
  config: Config;
  store: Store;
  /** Rules instead of the policy file (a deliberate regression in evals, a replay against other rules). */
  rules?: PolicyRules;
  /** A model instead of the configured one (tests: ScriptedModel; replay: the recorded model). */
  model?: { model: Model; name: string };
  /** A logger at the config's LOG_LEVEL on stdout by default. */
  logger?: Logger;
  /** Observers of every run besides the store (metrics, logs, review sampling, Langfuse). */
  traceSinks?: TraceSink[];
}

export interface AssistantParts {
  assistant: ListingAssistant;
  policy: PolicyGate;
  model: Pick<SelectedModel, 'model' | 'name'>;
  prompts: PromptSelector;
}

/**
 * The one way to build an assistant: the service wraps it in the HTTP app, replay and the
 * eval trials drive it directly. Nothing here knows about HTTP, metrics or Langfuse.
 */
export function createAssistant(deps: AssistantDeps): AssistantParts {
  const { config, store } = deps;
  const policy = new PolicyGate(deps.rules ?? loadPolicyRules(config.POLICY_PATH), store, TOOL_SPECS);
  const model = deps.model ?? selectModel(config);
  const logger = deps.logger ?? createLogger({ level: config.LOG_LEVEL });
  const prompts = selectPrompts(config, (msg, fields) => logger.warn(fields, msg));
  const assistant = new ListingAssistant({
    store,
    policy,
    model: model.model,
    modelName: model.name,
    prompts,
    logger,
    traceSinks: deps.traceSinks,
    limits: {
      maxSteps: config.AGENT_MAX_STEPS,
      runTimeoutMs: config.AGENT_RUN_TIMEOUT_MS,
      toolTimeoutMs: config.AGENT_TOOL_TIMEOUT_MS,
    },
    approvalTtlMs: config.APPROVAL_TTL_MS,
    history: { turns: config.HISTORY_TURNS, photoTurns: config.HISTORY_PHOTO_TURNS },
    photoQuota: {
      conversationBytes: config.PHOTO_BYTES_PER_CONVERSATION,
      sellerBytes: config.PHOTO_BYTES_PER_SELLER,
    },
    maxConversationMessages: config.CONVERSATION_MAX_MESSAGES,
    runLeaseMs: config.RUN_LEASE_MS,
    conversationWaitMs: config.CONVERSATION_WAIT_MS,
    appVersion: APP_VERSION,
  });
  return { assistant, policy, model, prompts };
}

import { afterEach, describe, expect, it } from 'vitest';
import { FakeOpenAI, type RecordedRequest } from './support/fakeOpenAI.js';
import { loadScenarios, type Scenario } from '../src/evals/scenario.js';
import { runSuite } from '../src/evals/suite.js';
import { renderMarkdown } from '../src/evals/report.js';
import { parseDecision, parseNext, simulatorFromEnv } from '../src/evals/simulator.js';

/**
 * The simulated seller played by a model (SIMULATOR_MODEL): the agent and the
 * seller both talk to the local fake OpenAI server, each answered from its
 * own queue (by model name). The fake must receive the seller's persona, goal
 * and facts, and its answers must drive the conversation.
 */

const AGENT = 'agent-llm';
const SELLER_MODEL = 'seller-llm';
const scenario = loadScenarios().find((s) => s.id === 'clarify-vague-chair-details')!;

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const env = (f: FakeOpenAI) => ({
  OPENAI_BASE_URL: f.baseURL,
  OPENAI_API: 'chat_completions',
  OPENAI_API_KEY: 'sk-test',
  AGENT_MODEL: AGENT,
  SIMULATOR_MODEL: SELLER_MODEL,
  LOG_LEVEL: 'silent',
});

const chairDraft = {
  title: 'Herman Miller Aeron office chair, size B',
  description: 'Herman Miller Aeron office chair, size B, in good condition.',
  category: 'Furniture',
  condition: 'good',
  price: 450,
};

type Message = { role: string; content: string };
const messages = (r: RecordedRequest): Message[] => r.body.messages;
const sellerRequests = (f: FakeOpenAI) => f.requests.filter((r) => r.body.model === SELLER_MODEL);
const agentRequests = (f: FakeOpenAI) => f.requests.filter((r) => r.body.model === AGENT);

async function run(s: Scenario = scenario) {
  return runSuite({ scenarios: [s], trials: 1, concurrency: 1, env: env(fake!) });
}

describe('a seller played by a model (SIMULATOR_MODEL)', () => {
  it('answers the assistant’s clarifying question with a known fact, approves the matching draft, and is recorded', async () => {
    fake = await FakeOpenAI.start();
    fake.scriptFor(
      AGENT,
      { text: 'Happy to help! Which chair is it (brand, model, condition) and what price do you want?' },
      {
        toolCall: {
          name: 'searchSimilar',
          arguments: { query: 'Herman Miller Aeron chair', category: 'Furniture', limit: null },
          id: 'call_s1',
        },
      },
      { toolCall: { name: 'createListing', arguments: chairDraft, id: 'call_c1' }, text: 'Here is the draft at €450.' },
      { text: 'Your Herman Miller Aeron chair is listed at €450.' },
    );
    fake.scriptFor(
      SELLER_MODEL,
      { text: '{"message": "It is a Herman Miller Aeron office chair, size B, good condition. 450 euros."}' },
      { text: '```json\n{"decision": "approve"}\n```' },
      { text: '{"done": true}' },
    );

    const report = await run();
    expect(fake.pending).toBe(0);
    expect(report.seller).toEqual({ type: 'simulator', model: SELLER_MODEL });
    const [trial] = report.trials!;
    expect(trial.seller).toBe(SELLER_MODEL);
    // The opening line is the scenario's; the second is the simulator's answer to the question.
    expect(trial.sellerMessages).toEqual([
      'Can you list my chair?',
      'It is a Herman Miller Aeron office chair, size B, good condition. 450 euros.',
    ]);
    expect(trial.sellerDecisions).toEqual([{ tool: 'createListing', decide: 'approve' }]);
    expect(trial.success).toBe(true);

    // The simulator's instructions carry the persona, the goal and the facts, known and unknown.
    const seller = sellerRequests(fake);
    expect(seller).toHaveLength(3);
    const system = messages(seller[0])[0];
    expect(system.role).toBe('system');
    expect(system.content).toContain(scenario.persona.description);
    expect(system.content).toContain(scenario.goal!);
    expect(system.content).toContain('size B');
    expect(system.content).toContain('when it was bought');
    // It is shown the conversation so far: the assistant's question, then the pending action to decide.
    expect(messages(seller[0])[1].content).toContain('Which chair is it');
    expect(messages(seller[1])[1].content).toMatch(/createListing .*"price":450/);
    // The simulator's answer reached the agent as the seller's message.
    expect(messages(agentRequests(fake)[1]).at(-1)).toEqual({
      role: 'user',
      content: 'It is a Herman Miller Aeron office chair, size B, good condition. 450 euros.',
    });
    expect(renderMarkdown(report, 'chart.svg')).toContain(`seller **simulated by ${SELLER_MODEL}**`);
  });

  it('rejects a draft that does not match its facts, with a reason the agent receives', async () => {
    fake = await FakeOpenAI.start();
    fake.scriptFor(
      AGENT,
      {
        toolCall: { name: 'createListing', arguments: { ...chairDraft, price: 300 }, id: 'call_c1' },
        text: 'Draft at €300.',
      },
      { text: 'Understood, I will not post it at €300.' },
    );
    fake.scriptFor(
      SELLER_MODEL,
      { text: '{"decision": "reject", "message": "I want 450 euros, not 300."}' },
      { text: 'DONE' },
    );

    const report = await run();
    expect(fake.pending).toBe(0);
    const [trial] = report.trials!;
    expect(trial.sellerDecisions).toEqual([
      { tool: 'createListing', decide: 'reject', message: 'I want 450 euros, not 300.' },
    ]);
    expect(JSON.stringify(agentRequests(fake)[1].body.messages)).toContain('I want 450 euros, not 300.');
    expect(trial.success).toBe(false);
  });

  it.each(['chat_completions', 'responses'])(
    'bounds the conversation when the seller never says it is done (OPENAI_API=%s)',
    async (api) => {
      fake = await FakeOpenAI.start();
      fake.whenEmpty = { text: '{"message": "Anything else?"}' };
      const report = await runSuite({
        scenarios: [scenario],
        trials: 1,
        concurrency: 1,
        env: { ...env(fake), OPENAI_API: api },
      });
      // The scenario has two turns: at most max(4, 2 + 2) seller messages, the last three the simulator's.
      expect(report.trials![0].sellerMessages).toEqual(['Can you list my chair?', ...Array(3).fill('Anything else?')]);
      const path = api === 'responses' ? '/v1/responses' : '/v1/chat/completions';
      expect(sellerRequests(fake).every((r) => r.path === path)).toBe(true);
      expect(sellerRequests(fake)).toHaveLength(3);
    },
  );

  it('reads JSON or plain answers, and treats anything but a clear approval as a rejection', () => {
    expect(parseNext('{"message": "Size B."}')).toBe('Size B.');
    expect(parseNext('Sure: {"done": true}')).toBeUndefined();
    expect(parseNext('It is size B.')).toBe('It is size B.');
    expect(parseNext('DONE.')).toBeUndefined();
    expect(parseDecision('{"decision":"APPROVE"}')).toEqual({ decide: 'approve' });
    expect(parseDecision('{"decision":"reject","message":"Wrong price."}')).toEqual({
      decide: 'reject',
      message: 'Wrong price.',
    });
    expect(parseDecision('hmm, not sure')).toEqual({ decide: 'reject', message: 'hmm, not sure' });
  });

  it('has at least 10 scenarios whose scripted seller answers a clarifying question (when.replyMatches)', () => {
    const answering = loadScenarios().filter((s) => s.turns.some((t) => t.when?.replyMatches && t.otherwise));
    // 12 today: 10 answer a question, 2 react to a refusal (test-policy-neighbours-listing, test-policy-sold-dresser).
    expect(answering.length).toBeGreaterThanOrEqual(12);
    expect(answering.filter((s) => s.split === 'train').map((s) => s.id)).toContain('clarify-vague-chair-details');
  });

  it('is off without SIMULATOR_MODEL, and refuses one with no provider to serve it', () => {
    expect(simulatorFromEnv({})).toBeUndefined();
    expect(() => simulatorFromEnv({ SIMULATOR_MODEL: 'gpt-4o-mini' })).toThrow(/OPENAI_API_KEY/);
  });
});

import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { tool } from '@langchain/core/tools';
import type { RunnableConfig } from '@langchain/core/runnables';
import {
  Command,
  END,
  MessagesAnnotation,
  START,
  StateGraph,
  interrupt,
  type BaseCheckpointSaver,
} from '@langchain/langgraph';
import { ToolNode, toolsCondition } from '@langchain/langgraph/prebuilt';
import type { Store } from '../../src/store/index.js';
import type { ToolEnvironment } from '../../src/tools/index.js';
import { searchSimilar as search, SearchSimilarParams } from '../../src/tools/searchSimilar.js';
import { createListing as create, CreateListingParams } from '../../src/tools/createListing.js';

/**
 * The same conversation as `bench/overhead.ts` on LangGraph.js, built the way its docs build a
 * tool-calling agent with a human in the loop: a `StateGraph` over `MessagesAnnotation` with
 * an agent node (a chat model with tools bound) and a prebuilt `ToolNode`, routed by
 * `toolsCondition`; the write tool pauses the graph with `interrupt()` for the seller's
 * approval and is resumed with `Command({ resume })`. The checkpointer is the variant
 * (SQLite or in memory).
 *
 * The tools do the work ours do: `searchSimilar` runs our FTS search on a seeded catalogue
 * and `createListing` inserts into its listings table, through the same tool specs (the
 * functions our gated tools call), on a `Store` of their own.
 */

export const DRAFT = {
  title: 'Trek Marlin 7 mountain bike',
  description: 'Barely used, serviced last month.',
  category: 'Sports',
  price: 420,
  condition: 'like new',
} as const;

/**
 * A deterministic chat model: its answer depends only on how many model answers the thread
 * already holds (search, then draft with createListing, then the final message), so one
 * instance serves every thread, as a real model client would. No network.
 */
class ScriptedChatModel extends BaseChatModel {
  _llmType(): string {
    return 'scripted';
  }

  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const step = messages.filter((m) => AIMessage.isInstance(m)).length;
    const message = [
      new AIMessage({
        content: '',
        tool_calls: [
          {
            id: 's',
            name: 'searchSimilar',
            args: { query: 'Trek Marlin 7', category: 'Sports', limit: null },
            type: 'tool_call',
          },
        ],
      }),
      new AIMessage({
        content: 'Draft ready.',
        tool_calls: [{ id: 'c', name: 'createListing', args: { ...DRAFT }, type: 'tool_call' }],
      }),
      new AIMessage('Posted.'),
    ][step];
    if (!message) throw new Error(`no scripted answer for step ${step}`);
    return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
  }
}

export function createLangGraphConversation(store: Store, checkpointer: BaseCheckpointSaver) {
  const environment = (config: RunnableConfig): ToolEnvironment => {
    const threadId = String(config.configurable?.thread_id);
    return { store, context: { runId: threadId, conversationId: threadId, sellerId: 'seller-1' } };
  };
  const tools = [
    tool(async (args, config) => JSON.stringify(await search.run(args, environment(config))), {
      name: 'searchSimilar',
      description: search.description,
      schema: SearchSimilarParams,
    }),
    tool(
      async (args, config) => {
        // What the seller confirms; on resume the node runs again and interrupt() returns the decision.
        const decision = interrupt<{ tool: string; summary: string }, string>({
          tool: 'createListing',
          summary: await create.summarize(args, store),
        });
        if (decision !== 'approve') return JSON.stringify({ ok: false, error: 'rejected by the seller' });
        return JSON.stringify(await create.run(args, environment(config)));
      },
      { name: 'createListing', description: create.description, schema: CreateListingParams },
    ),
  ];
  const model = new ScriptedChatModel({}).bindTools();
  const graph = new StateGraph(MessagesAnnotation)
    .addNode('agent', async (state) => ({ messages: [await model.invoke(state.messages)] }))
    .addNode('tools', new ToolNode(tools))
    .addEdge(START, 'agent')
    .addConditionalEdges('agent', toolsCondition, ['tools', END])
    .addEdge('tools', 'agent')
    .compile({ checkpointer });

  /** One conversation on a new thread: search, draft, pause for approval, resume, post. */
  return async function conversation(n: number): Promise<void> {
    const config = { configurable: { thread_id: `lg-${n}` } };
    const paused = await graph.invoke({ messages: [new HumanMessage('sell my bike')] }, config);
    // invoke() reports a pause in `__interrupt__`, which the state's type does not declare.
    const pending = (paused as { __interrupt__?: unknown[] }).__interrupt__;
    if (!pending?.length) throw new Error('expected the run to pause for approval');
    const done = await graph.invoke(new Command({ resume: 'approve' }), config);
    const [toolResult, last] = done.messages.slice(-2).map((m) => m.text);
    if (last !== 'Posted.') throw new Error(`unexpected final message: ${last}`);
    if (!(JSON.parse(toolResult) as { ok: boolean }).ok) throw new Error('the listing was not created');
  };
}

import type { FunctionTool } from '@openai/agents';
import type { z } from 'zod';
import type { PolicyGate } from '../policy/index.js';
import { CallVetting } from './callVetting.js';
import { gatedTool, type ToolDeps } from './gatedTool.js';
import type { AssistantContext } from './toolContext.js';
import type { ToolSpec, WriteToolSpec } from './toolSpec.js';
import { getListing } from './getListing.js';
import { searchSimilar } from './searchSimilar.js';
import { createListing } from './createListing.js';
import { updatePrice } from './updatePrice.js';

/** The assistant's tools: adding one is a spec file and a line here. */
export const TOOL_SPECS = [getListing, searchSimilar, createListing, updatePrice] as const;

type Spec = (typeof TOOL_SPECS)[number];
export type ToolName = Spec['name'];
export type WriteToolName = Extract<Spec, { effect: 'write' }>['name'];

const isWrite = (spec: ToolSpec): spec is WriteToolSpec => spec.effect === 'write';

/** Non-empty tuples, so that they also make zod enums. */
export const TOOL_NAMES = TOOL_SPECS.map((s) => s.name) as [ToolName, ...ToolName[]];
export const WRITE_TOOL_NAMES = TOOL_SPECS.filter(isWrite).map((s) => s.name) as [WriteToolName, ...WriteToolName[]];

export const TOOL_PARAMETERS = Object.fromEntries(TOOL_SPECS.map((s) => [s.name, s.parameters])) as {
  readonly [N in ToolName]: Extract<Spec, { name: N }>['parameters'];
};

export const isToolName = (name: string): name is ToolName => (TOOL_NAMES as readonly string[]).includes(name);

/** The spec of a tool by name, for callers holding a name from the model or the database. */
export function toolSpec(name: string): ToolSpec<z.ZodObject> | undefined {
  return TOOL_SPECS.find((s) => s.name === name);
}

/** The one vetting of each call the tools, and the approval desk, share. */
export function callVetting(policy: PolicyGate): CallVetting {
  return new CallVetting(policy, (tool) => toolSpec(tool)?.parameters);
}

/** The SDK tools, each behind the policy gate. */
export function createListingTools(deps: ToolDeps): FunctionTool<AssistantContext>[] {
  return TOOL_SPECS.map((spec) => gatedTool(deps, spec as ToolSpec<z.ZodObject>));
}

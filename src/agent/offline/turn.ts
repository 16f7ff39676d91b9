import { TOOL_NAMES, type ToolName } from '../../tools/index.js';

/** One step of the offline model: words for the seller and/or tool calls, before they become SDK output items. */
export interface PlannedCall {
  name: ToolName;
  arguments: Record<string, unknown>;
}

export interface Turn {
  text?: string;
  calls: PlannedCall[];
}

export const say = (text: string): Turn => ({ text, calls: [] });

export const callTool = (name: ToolName, args: object, text?: string): Turn => ({
  text: text || undefined,
  calls: [{ name, arguments: { ...args } }],
});

export const isToolName = (name: string): name is ToolName => (TOOL_NAMES as readonly string[]).includes(name);

export { PolicyGate, type PolicyTool } from './policyGate.js';
export type {
  PolicyCall,
  PolicyDecision,
  PolicyFacts,
  PolicyVerdict,
  ToolCallRequest,
  ToolEffect,
} from './policyCall.js';
export { POLICY_CHECKS, type PolicyCheck } from './policyChecks.js';
export { loadPolicyRules, PolicyRulesSchema, DEFAULT_POLICY_PATH, type PolicyRules } from './policyRules.js';

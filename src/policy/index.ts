export { PolicyGate, type PolicyVerdict, type PolicyDecision, type ToolCallRequest } from './policyGate.js';
export { loadPolicyRules, PolicyRulesSchema, DEFAULT_POLICY_PATH, type PolicyRules } from './policyRules.js';

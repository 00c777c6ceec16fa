export { CHANNELS } from './channel';
export type { Bilingual, Channel } from './channel';
export { PRIORITY, defaultTriageConfig } from './defaults';
export {
  TRIAGE_FLAGS,
  channelConfigSchema,
  channelQueueIssues,
  intentConfigSchema,
  priorityClassSchema,
  ruleConditionsSchema,
  ruleEffectSchema,
  triageConfigSchema,
  triageRuleSchema,
} from './config';
export type {
  ChannelConfig,
  IntentConfig,
  PriorityClass,
  RuleConditions,
  RuleEffect,
  TriageConfig,
  TriageFlag,
  TriageRule,
} from './config';
export { isAtLeastAge, triage } from './engine';
export {
  branchStateSchema,
  triageCustomerSchema,
  triageFlagsSchema,
  triageInputSchema,
  unknownIntents,
} from './input';
export { MESSAGES as TRIAGE_MESSAGES } from './messages';
export { resolveOverride } from './rules';
export type {
  BranchState,
  ServicePoint,
  TriageAlternative,
  TriageContext,
  TriageCustomer,
  TriageDecision,
  TriageFlags,
  TriageInput,
  TriageReason,
} from './types';

/**
 * base: what every other core module may use, and which uses no other module. The event bus
 * the core tells windows through, the desktop port the shell fills in, and the token budget
 * (counting tokens, fitting a conversation into a model's window) that chat and web search share.
 */
export { estimateTokens, fitContext, textTokens, warmTokenizer, outputReserve, type ChatTurnMessage, type TurnImage, type TurnToolCall, type TurnToolRound, type ContextLimits, type ContextPlan } from './contextBudget';
export { noDesktop, type DesktopPort } from './desktopPort';
export { EventBus, type BusListener } from './eventBus';
export { redactError, redactKnownSecrets, rememberSecret } from './knownSecrets';
export { writePrivateFileAtomic } from './privateFile';
export { storageError } from './storageError';

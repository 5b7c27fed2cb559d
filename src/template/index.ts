/**
 * Go's text/template for helmkit: lexer, parser, closure compiler and executor with Go's exact output and
 * error texts. Entry point: {@link TemplateSet}.
 */
export type { GoVersion } from './builtins.js';
export { TemplateError, TemplateExecError, TemplateLimitError, TemplateParseError } from './errors.js';
export { type ContextFn, Execution } from './exec.js';
export { type ContextFuncDef, TemplateSet, type TemplateSetOptions } from './template-set.js';
export { DEFAULT_LIMITS, setDefaultTemplateLimits, type TemplateLimits } from './types.js';

/**
 * Helm's rewriting of template errors (pkg/engine/engine.go `cleanupParseError` / `cleanupExecError`),
 * reproduced by hand because `helm template` users see exactly these texts:
 * - parse errors: `parse error at (FILE:LINE): LAST-PART`;
 * - exec errors carrying `HELM_ERR_START…HELM_ERR_END` (from `fail`/`required`):
 *   `execution error at (FILE:LINE:COL): MESSAGE`;
 * - other exec errors: Go's text as is (Helm 3), or Helm 4's multi-line trace when every level of the error
 *   chain is a template error (`FILE:LINE:COL\n  executing "NAME" at <ACTION>:\n    MESSAGE`).
 */
import type { Compat } from '../funcs/options.js';
import { TemplateError, TemplateExecError, TemplateParseError } from '../template/index.js';

const WARN_START = 'HELM_ERR_START';
const WARN_END = 'HELM_ERR_END';
const DEBUG_TAIL = '\n\nUse --debug flag to render out invalid YAML\n';

function goErrorText(e: unknown): string {
  if (e instanceof TemplateExecError || e instanceof TemplateParseError || e instanceof TemplateError)
    return e.goMessage;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Helm's cleanupParseError. */
function cleanupParse(filename: string, err: TemplateParseError): string {
  const tokens = err.goMessage.split(': ');
  if (tokens.length === 1) return `parse error in (${filename}): ${err.goMessage}`;
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

/** Go's `strings.SplitN(s, ": ", 3)`. */
function splitN3(s: string): string[] {
  const i = s.indexOf(': ');
  if (i < 0) return [s];
  const j = s.indexOf(': ', i + 2);
  if (j < 0) return [s.slice(0, i), s.slice(i + 2)];
  return [s.slice(0, i), s.slice(i + 2, j), s.slice(j + 2)];
}

/** Helm's `HELM_ERR_START(.*)HELM_ERR_END` match (greedy; the oracle shows it spans newlines). */
function warnMatch(s: string): string | undefined {
  const a = s.indexOf(WARN_START);
  if (a < 0) return undefined;
  const b = s.lastIndexOf(WARN_END);
  if (b < a + WARN_START.length) return undefined;
  return s.slice(a + WARN_START.length, b);
}

/** Helm 4's multi-line form, or undefined when Helm 4 falls back to the plain text. */
function helm4Trace(err: TemplateExecError): string | undefined {
  let out = '';
  let cur: unknown = err;
  while (cur instanceof TemplateExecError) {
    const cause = (cur as Error).cause;
    let own = cur.detail;
    if (cause !== undefined) {
      const inner = goErrorText(cause);
      if (own.endsWith(inner)) own = own.slice(0, own.length - inner.length);
      own = own.trimEnd();
    }
    if (cur.context === undefined) out += `${cur.location}\n    ${own}\n`;
    else
      out += `${cur.location}\n  executing ${JSON.stringify(cur.templateName)} at <${cur.context}>:\n    ${own}\n`;
    if (cause === undefined) return out.trimEnd();
    cur = cause;
  }
  const tail = goErrorText(cur);
  if (!tail.startsWith('template: ')) return undefined;
  return `${out}${tail}`.trimEnd();
}

/**
 * The message Helm's engine returns for a template error (what follows `Error: ` on stderr), for the
 * template file `filename` being rendered.
 */
export function helmTemplateErrorMessage(err: unknown, compat: Compat, filename?: string): string {
  if (err instanceof TemplateParseError) return cleanupParse(filename ?? err.templateName, err);
  if (!(err instanceof TemplateExecError)) return goErrorText(err);
  const text = err.goMessage;
  const tokens = splitN3(text);
  if (tokens.length !== 3) return `execution error in (${filename ?? err.templateName}): ${text}`;
  const warn = warnMatch(tokens[2]);
  if (warn !== undefined) return `execution error at (${tokens[1]}): ${warn}`;
  if (compat === 'helm4') return helm4Trace(err) ?? text;
  return text;
}

/**
 * Exactly what `helm template` prints on stderr for a template parse or execution error:
 * `Error: MESSAGE` followed by Helm's `Use --debug flag to render out invalid YAML` hint.
 */
export function formatHelmError(err: unknown, compat: Compat, filename?: string): string {
  return `Error: ${helmTemplateErrorMessage(err, compat, filename)}${DEBUG_TAIL}`;
}

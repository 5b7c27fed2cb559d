import { HelmkitError } from '../util/errors.js';

/**
 * A template that does not parse. `goMessage` is Go's error text exactly
 * (`template: NAME:LINE: MESSAGE`); `message` is the same text.
 */
export class TemplateParseError extends HelmkitError {
  /** Name of the template (file) being parsed. */
  readonly templateName: string;
  /** Go's exact error string. */
  readonly goMessage: string;
  /** The message after the location (`missing value for if`). */
  readonly detail: string;

  /**
   * @param templateName - the parse name (file name).
   * @param line - 1-based line Go reports.
   * @param detail - the message after the location.
   */
  constructor(templateName: string, line: number, detail: string) {
    const goMessage = `template: ${templateName}:${line}: ${detail}`;
    super('TEMPLATE_PARSE', goMessage, { file: templateName, line });
    this.templateName = templateName;
    this.goMessage = goMessage;
    this.detail = detail;
  }
}

/**
 * A template execution error. `goMessage` is Go's error text exactly
 * (`template: NAME:LINE:COL: executing "NAME" at <ACTION>: MESSAGE`). When the error comes from a
 * function (`error calling NAME: ...`), `cause` is the function's original error (a `GoFuncError`, or a
 * nested `TemplateExecError` for `include`).
 */
export class TemplateExecError extends HelmkitError {
  /** Name of the executing template (`executing "NAME"`). */
  readonly templateName: string;
  /** Go's exact error string. */
  readonly goMessage: string;
  /** `NAME:LINE:COL` of the failing node (Go's ErrorContext location), or the template name. */
  readonly location: string;
  /** The failing node as Go prints it (`<...>` part), or undefined when Go has no node. */
  readonly context: string | undefined;
  /** The message after `at <...>: `. */
  readonly detail: string;

  /**
   * @param templateName - executing template.
   * @param location - `file:line:col` (or the template name when there is no node).
   * @param context - node text, or undefined.
   * @param detail - the message.
   * @param pos - line/column numbers and the file for {@link HelmkitError}.
   * @param cause - the original error.
   */
  constructor(
    templateName: string,
    location: string,
    context: string | undefined,
    detail: string,
    pos: { file?: string; line?: number; column?: number },
    cause?: unknown,
  ) {
    const goMessage =
      context === undefined
        ? `template: ${location}: ${detail}`
        : `template: ${location}: executing ${goQuoteName(templateName)} at <${context}>: ${detail}`;
    super('TEMPLATE_EXEC', goMessage, pos, cause === undefined ? undefined : { cause });
    this.templateName = templateName;
    this.goMessage = goMessage;
    this.location = location;
    this.context = context;
    this.detail = detail;
  }
}

/**
 * A Go error that is not an ExecError but travels through the engine as Go's plain `error` (e.g.
 * `template: no template "x" associated with template "gotpl"` from ExecuteTemplate, or Helm's
 * wrapping of tpl errors). `goMessage` is the exact text.
 */
export class TemplateError extends HelmkitError {
  /** Go's exact error string. */
  readonly goMessage: string;
  /**
   * @param code - stable code.
   * @param goMessage - exact Go text.
   * @param cause - the wrapped error, when Go's error wraps one with `%w`.
   */
  constructor(code: string, goMessage: string, cause?: unknown) {
    super(code, goMessage, {}, cause === undefined ? undefined : { cause });
    this.goMessage = goMessage;
  }
}

/** A limit of {@link TemplateLimits} was exceeded (output size, steps, time, depth). */
export class TemplateLimitError extends HelmkitError {
  /**
   * @param message - what was exceeded.
   * @param depth - true for the nesting limit (`maxDepth` or the JavaScript stack): a run with a larger stack
   *   and `maxDepth` can go further, as Go does.
   */
  constructor(
    message: string,
    readonly depth = false,
  ) {
    super('TEMPLATE_LIMIT', message);
  }
}

function goQuoteName(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 10) out += '\\n';
    else if (c === 9) out += '\\t';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

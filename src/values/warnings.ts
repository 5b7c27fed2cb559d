/**
 * Warnings Helm logs while it processes values and dependencies, as both Helm versions print them: Helm 3
 * through Go's `log` package (`file.go:line: message`), Helm 4 through `log/slog`'s text handler
 * (`level=WARN msg="..." key=value`).
 */
import { isPrint, quote } from '../util/go/strconv.js';

/** One warning Helm logs on stderr. */
export interface HelmWarning {
  /** The message as Helm 3 words it (without its `file.go:line: ` prefix). */
  message: string;
  /** The whole line Helm 3 prints ('' when Helm 3 prints nothing for it). */
  helm3: string;
  /** The whole line Helm 4 prints ('' when Helm 4 prints nothing for it). */
  helm4: string;
}

/** Receives the warnings Helm would log, in order. */
export type WarnFn = (warning: HelmWarning) => void;

/** Go slog's text-handler quoting of a message or attribute value (`needsQuoting`, then `strconv.Quote`). */
export function slogQuote(s: string): string {
  if (s === '') return '""';
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if (r < 0x80) {
      if (r !== 0x5c && (r === 0x20 || r === 0x3d || r === 0x22 || r < 0x20)) return quote(s);
    } else if (r === 0xfffd || /\s/u.test(ch) || !isPrint(r)) return quote(s);
  }
  return s;
}

/** One slog text-handler line: `level=LEVEL msg=MSG key=value ...`. */
export function slogLine(
  level: 'INFO' | 'WARN' | 'ERROR',
  msg: string,
  attrs: ReadonlyArray<[string, string]> = [],
): string {
  let out = `level=${level} msg=${slogQuote(msg)}`;
  for (const [k, v] of attrs) out += ` ${k}=${slogQuote(v)}`;
  return out;
}

/**
 * A warning Helm 3 logs with `log.Printf` at `site` (`coalesce.go:237`) and Helm 4 with
 * `slog.Info(message)` (the coalescing warnings keep their Helm 3 text in Helm 4).
 */
export function logWarning(site: string, message: string): HelmWarning {
  return { message, helm3: `${site}: ${message}`, helm4: slogLine('INFO', message) };
}

/** A warning whose Helm 4 form is a structured `slog.Warn(msg, attrs...)` record. */
export function structuredWarning(
  site: string,
  message: string,
  msg4: string,
  attrs4: ReadonlyArray<[string, string]>,
): HelmWarning {
  return { message, helm3: `${site}: ${message}`, helm4: slogLine('WARN', msg4, attrs4) };
}

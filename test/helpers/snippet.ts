/**
 * `helm template rel probe --namespace ns` of the oracle's probe chart for ONE case, through helmkit's real
 * pipeline (in-memory chart → loader → values → engine), returning the same shape as scripts/oracle.mjs: the
 * rendered text of `templates/<id>.yaml` (taken before YAML validation, as the oracle's `--debug` run prints
 * it), or Helm's stderr and exit code.
 */
import { loadChart } from '../../src/node/load.js';
import { formatRenderError } from '../../src/render/format-error.js';
import { renderFiles } from '../../src/render/render.js';
import { utf8Bytes } from '../../src/util/go/strconv.js';

const decoder = new TextDecoder();

/**
 * The text as the oracle records Helm's output: Helm writes a Go string's bytes (helmkit keeps a byte that is
 * not UTF-8 as a byte escape) and the oracle reads them back as UTF-8.
 */
function asWritten(text: string): string {
  return decoder.decode(utf8Bytes(text));
}

/** One oracle case (inputs). */
export interface OracleCase {
  id: string;
  template: string;
  values?: string;
  helpers?: string;
  files?: Record<string, string>;
  chartYaml?: string;
  set?: string[];
  setString?: string[];
  setJson?: string[];
}

/** What the oracle recorded for a case. */
export type SnippetResult = { out: string } | { err: string; exit: number };

const DEFAULT_CHART = 'apiVersion: v2\nname: probe\nversion: 0.1.0\nappVersion: "1.0"\n';

/** Renders one oracle case the way `helm template rel probe --namespace ns` would. */
export async function renderSnippet(c: OracleCase, compat: 'helm3' | 'helm4'): Promise<SnippetResult> {
  const files: Record<string, string> = {
    'Chart.yaml': c.chartYaml ?? DEFAULT_CHART,
    'values.yaml': c.values ?? '',
    ...(c.files ?? {}),
    [`templates/${c.id}.yaml`]: c.template,
  };
  if (c.helpers !== undefined) files['templates/_helpers.tpl'] = c.helpers;
  try {
    const chart = await loadChart(files, { compat });
    const { files: rendered } = renderFiles(chart, {
      releaseName: 'rel',
      namespace: 'ns',
      set: c.set ?? [],
      setString: c.setString ?? [],
      setJson: c.setJson ?? [],
      compat,
    });
    return { out: asWritten(rendered.get(`probe/templates/${c.id}.yaml`) ?? '') };
  } catch (e) {
    return { err: asWritten(formatRenderError(e, compat)), exit: 1 };
  }
}

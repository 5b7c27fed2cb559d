import { spawnSync } from 'node:child_process';
import { accessSync, appendFileSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { loadChart } from '../../node/load.js';
import { template } from '../../node/template.js';
import { formatRenderError, formatWarnings } from '../../render/format-error.js';
import { renderNameTemplate } from '../../render/name-template.js';
import { parseKubeVersion } from '../../render/objects.js';
import type { ValuesSource } from '../../render/options.js';
import type { GoMap } from '../../util/go/value.js';
import { goReadFileError, mergeUserValues } from '../../values/compute.js';
import type { CliContext } from '../context.js';
import { CliError } from '../context.js';
import { locateChart } from '../locate-chart.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
/** pflag's StringSlice: each occurrence may hold several comma-separated values. */
const collectCsv = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value.split(',').filter((v) => v !== ''),
];

/** Options parsed from `helmkit template` flags. */
interface TemplateFlags {
  values?: string[];
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setFile?: string[];
  setLiteral?: string[];
  namespace?: string;
  showOnly?: string[];
  includeCrds?: boolean;
  skipCrds?: boolean;
  skipTests?: boolean;
  hooks?: boolean;
  kubeVersion?: string;
  apiVersions?: string[];
  isUpgrade?: boolean;
  outputDir?: string;
  releaseName?: boolean;
  nameTemplate?: string;
  generateName?: boolean;
  postRenderer?: string;
  postRendererArgs?: string[];
  skipSchemaValidation?: boolean;
}

function findExecutable(name: string): string | undefined {
  const candidates = name.includes('/')
    ? [name]
    : (process.env.PATH ?? '').split(':').map((d) => path.join(d, name));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/** `helmkit template [NAME] CHART`: renders like `helm template`, same stdout, stderr and exit code. */
export function registerTemplate(program: Command, ctx: CliContext): void {
  program
    .command('template')
    .description('locally render templates')
    .argument('[NAME]')
    .argument('[CHART]')
    .option('-f, --values <file>', 'specify values in a YAML file (can specify multiple)', collectCsv)
    .option('--set <value>', 'set values on the command line', collect)
    .option('--set-string <value>', 'set STRING values on the command line', collect)
    .option('--set-json <value>', 'set JSON values on the command line', collect)
    .option('--set-file <value>', 'set values from respective files', collect)
    .option('--set-literal <value>', 'set a literal STRING value on the command line', collect)
    .option('-n, --namespace <namespace>', 'namespace scope for this request')
    .option('-s, --show-only <path>', 'only show manifests rendered from the given templates', collect)
    .option('--include-crds', 'include CRDs in the templated output')
    .option('--skip-crds', 'if set, no CRDs will be installed')
    .option('--skip-tests', 'skip tests from templated output')
    .option('--no-hooks', 'prevent hooks from running during install')
    .option('--kube-version <version>', 'Kubernetes version used for Capabilities.KubeVersion')
    .option(
      '-a, --api-versions <version>',
      'Kubernetes api versions used for Capabilities.APIVersions',
      collectCsv,
    )
    .option('--is-upgrade', 'set .Release.IsUpgrade instead of .Release.IsInstall')
    .option('--output-dir <dir>', 'writes the executed templates to files in output-dir instead of stdout')
    .option('--release-name', 'use release name in the output-dir path')
    .option('--name-template <template>', 'specify template used to name the release')
    .option('-g, --generate-name', 'generate the name (and omit the NAME parameter)')
    .option('--post-renderer <path>', 'the path to an executable to be used for post rendering')
    .option('--post-renderer-args <arg>', 'an argument to the post-renderer (can specify multiple)', collect)
    .addOption(new Option('--validate').hideHelp())
    .addOption(new Option('--skip-schema-validation').hideHelp())
    .addOption(new Option('--dependency-update').hideHelp())
    .addOption(new Option('--devel').hideHelp())
    .addOption(new Option('--debug').hideHelp())
    .addOption(new Option('--create-namespace').hideHelp())
    .addOption(new Option('--version <version>').hideHelp())
    .addOption(new Option('--description <text>').hideHelp())
    .allowExcessArguments()
    .action(async (_first: unknown, _second: unknown, flags: TemplateFlags, command: Command) => {
      const compat = ctx.compat();
      const args = command.args;
      if (args.length > 0 && flags.kubeVersion) {
        // Helm parses --kube-version first, before the release name, the chart and the values.
        try {
          parseKubeVersion(flags.kubeVersion, compat);
        } catch (e) {
          throw new CliError(e instanceof Error ? e.message : String(e), 1, formatRenderError(e, compat));
        }
      }
      if (args.length > 2) {
        throw new CliError(
          `expected at most two arguments, unexpected arguments: ${args.slice(2).join(', ')}`,
        );
      }
      if (args.length === 0) {
        throw new CliError(
          '"helm template" requires at least 1 argument\n\nUsage:  helm template [NAME] [CHART] [flags]',
        );
      }
      let releaseName: string;
      let chartArg: string;
      if (args.length === 2) {
        if (flags.generateName) throw new CliError('cannot set --generate-name and also specify a name');
        if (flags.nameTemplate) throw new CliError('cannot set --name-template and also specify a name');
        [releaseName, chartArg] = args as [string, string];
      } else {
        chartArg = args[0];
        // `helm template` names the release `release-name` (also with --generate-name) unless --name-template.
        releaseName = 'release-name';
        if (flags.nameTemplate) {
          try {
            releaseName = renderNameTemplate(flags.nameTemplate, compat);
          } catch (e) {
            throw new CliError((e as Error).message);
          }
        }
      }
      let postRender: ((text: string) => string) | undefined;
      if (flags.postRenderer !== undefined) {
        // Helm 4 only runs post-renderer plugins (helmkit has no plugin system): it rejects any name.
        if (compat === 'helm4') {
          throw new CliError(
            `invalid argument "${flags.postRenderer}" for "--post-renderer" flag: plugin: {Name:${flags.postRenderer} Type:postrenderer/v1} not found`,
          );
        }
        const exe = findExecutable(flags.postRenderer);
        if (!exe) {
          throw new CliError(
            `invalid argument "${flags.postRenderer}" for "--post-renderer" flag: unable to find binary at ${flags.postRenderer}: exec: "${flags.postRenderer}": executable file not found in $PATH`,
          );
        }
        const extra = flags.postRendererArgs ?? [];
        postRender = (text: string) => {
          const r = spawnSync(exe, extra, { input: text, encoding: 'utf8', maxBuffer: 1 << 30 });
          if (r.status !== 0) {
            throw new CliError(
              `error while running command ${exe}. error output:\n${r.stderr}: exit status ${r.status}`,
            );
          }
          return r.stdout;
        };
      }
      const chartPath = locateChart(chartArg);
      // Helm merges the user values (reads -f files, parses the --set family) before it loads the chart.
      let values: GoMap;
      try {
        values = mergeUserValues({
          compat,
          valueFiles: await readValueFiles(flags.values ?? []),
          set: flags.set ?? [],
          setString: flags.setString ?? [],
          setJson: flags.setJson ?? [],
          setFile: flags.setFile ?? [],
          setLiteral: flags.setLiteral ?? [],
          readSetFile: (p: string) => readFileSync(p, 'utf8'),
        });
      } catch (e) {
        throw new CliError(e instanceof Error ? e.message : String(e), 1, formatRenderError(e, compat));
      }
      const chart = await loadChart(chartPath, { compat });
      let result: Awaited<ReturnType<typeof template>>;
      try {
        result = await template(chart, {
          releaseName,
          // An empty namespace (flag or HELM_NAMESPACE) falls back to `default`, as Helm's kube config does.
          namespace: (flags.namespace ?? process.env.HELM_NAMESPACE ?? '') || 'default',
          values,
          // Helm logs each warning as it happens (before a later error).
          onWarning: (w) => ctx.stderr(formatWarnings([w], compat)),
          apiVersions: flags.apiVersions ?? [],
          showOnly: flags.showOnly ?? [],
          includeCrds: flags.includeCrds ?? false,
          skipCrds: flags.skipCrds ?? false,
          skipTests: flags.skipTests ?? false,
          noHooks: flags.hooks === false,
          isUpgrade: flags.isUpgrade ?? false,
          skipSchemaValidation: flags.skipSchemaValidation ?? false,
          compat,
          ...(flags.kubeVersion !== undefined ? { kubeVersion: flags.kubeVersion } : {}),
          ...(postRender ? { postRender } : {}),
        });
      } catch (e) {
        throw new CliError(e instanceof Error ? e.message : String(e), 1, formatRenderError(e, compat), e);
      }
      if (flags.outputDir === undefined) {
        ctx.stdout(result.manifest);
        return;
      }
      writeOutputDir(flags.outputDir, flags.releaseName ? releaseName : undefined, result, flags, ctx);
    });
}

/** Reads `-f/--values` files; a file that cannot be read gives Go's `os.ReadFile` error text. */
async function readValueFiles(files: readonly string[]): Promise<ValuesSource[]> {
  const out: ValuesSource[] = [];
  for (const f of files) {
    try {
      out.push({ name: f, text: await readFile(f, 'utf8') });
    } catch (e) {
      throw new CliError(goReadFileError(f, e));
    }
  }
  return out;
}

/** `--output-dir`: one file per template (documents of the same template appended), `wrote PATH` per write. */
function writeOutputDir(
  dir: string,
  releaseName: string | undefined,
  result: Awaited<ReturnType<typeof template>>,
  flags: TemplateFlags,
  ctx: CliContext,
): void {
  const base = releaseName ? path.join(dir, releaseName) : dir;
  const written = new Set<string>();
  const write = (name: string, content: string) => {
    const file = path.join(base, name);
    const rel = path.relative(base, file);
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw new CliError(`refusing to write outside ${base}: ${name}`);
    mkdirSync(path.dirname(file), { recursive: true });
    const text = `---\n# Source: ${name}\n${content}\n`;
    if (written.has(file)) appendFileSync(file, text);
    else writeFileSync(file, text);
    written.add(file);
    ctx.stdout(`wrote ${file}\n`);
  };
  if (flags.includeCrds) for (const crd of result.crds) write(crd.filename, crd.content);
  for (const m of result.manifests) write(m.name, m.content);
  if (flags.hooks !== false) {
    for (const h of result.hooks) {
      if (flags.skipTests && h.events.includes('test')) continue;
      write(h.path, h.manifest);
    }
  }
  // Helm then prints the (empty) release manifest: one blank line.
  ctx.stdout('\n');
}

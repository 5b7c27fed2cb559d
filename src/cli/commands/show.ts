import type { Command } from 'commander';
import { type ShowKind, showChart } from '../../chart/show.js';
import { loadChart } from '../../node/load.js';
import type { CliContext } from '../context.js';
import { locateChart } from '../locate-chart.js';

const SUBCOMMANDS: ReadonlyArray<[ShowKind, string]> = [
  ['all', 'show all information of the chart'],
  ['chart', "show the chart's definition"],
  ['crds', "show the chart's CRDs"],
  ['readme', "show the chart's README"],
  ['values', "show the chart's values"],
];

/** `helmkit show chart|values|readme|crds|all CHART`: prints what `helm show` prints. */
export function registerShow(program: Command, ctx: CliContext): void {
  const show = program
    .command('show')
    .alias('inspect')
    .description('show information of a chart')
    .summary('This command consists of multiple subcommands to display information about a chart');
  for (const [kind, description] of SUBCOMMANDS) {
    show
      .command(kind)
      .description(description)
      .argument('<CHART>')
      .action(async (chartArg: string) => {
        const chartPath = locateChart(chartArg);
        const chart = await loadChart(chartPath, { compat: ctx.compat() });
        ctx.stdout(showChart(chart, kind, ctx.compat()));
      });
  }
}

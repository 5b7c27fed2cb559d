import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './context.js';

/**
 * Resolves a CHART argument the way Helm's `LocateChart` does for local charts, with Helm's messages for what
 * helmkit cannot fetch (repository references).
 */
export function locateChart(name: string): string {
  if (existsSync(name)) return name;
  if (path.isAbsolute(name) || name.startsWith('.'))
    throw new CliError(`path ${JSON.stringify(name)} not found`);
  const slash = name.indexOf('/');
  if (slash < 0) {
    throw new CliError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${name}`);
  }
  throw new CliError(`repo ${name.slice(0, slash)} not found`);
}

import { outputOf } from './run-command.js';

export interface WorkspacePackage {
  readonly name: string;
  readonly path: string;
}

/** The workspace's packages that are published: every one pnpm lists (pnpm-workspace.yaml's globs) not marked `private`. */
export async function publishablePackages(root: string): Promise<WorkspacePackage[]> {
  const listed = JSON.parse(await outputOf('pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: root })) as { name: string; path: string; private?: boolean }[];
  return listed.filter((p) => p.private !== true).map(({ name, path }) => ({ name, path }));
}

/**
 * Helpers for tests that build the site themselves: a temporary copy of the project and a
 * child-process runner whose environment is free of what vitest injects (scripts/lib/).
 */
export { REPO_ROOT as ROOT, copyProject } from '../../scripts/lib/repo.ts';
export { astroBuild, childEnv, mustRun, runNode } from '../../scripts/lib/child.ts';

/**
 * The GitHub Actions workflows, checked without GitHub: each file parses as YAML and follows a
 * schema-like subset of the workflow syntax (known keys, permission scopes and values, one of
 * `uses`/`run` per step, references to declared jobs and steps), and the security properties
 * the project relies on hold (issue 9): least privilege, no credentials kept by checkout, no
 * `pull_request_target`, no secrets in pull-request checks, a deploy job that runs no project code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Obj = Record<string, unknown>;
const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const load = (f: string) => ({ text: readFileSync(`${DIR}/${f}`, 'utf8'), wf: parse(readFileSync(`${DIR}/${f}`, 'utf8'), { strict: true, uniqueKeys: true }) as Obj });

const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];
const JOB_KEYS = ['name', 'needs', 'runs-on', 'permissions', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'if', 'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services'];
const STEP_KEYS = ['id', 'if', 'name', 'uses', 'run', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes', 'working-directory'];
const SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'];
const EVENTS = ['push', 'pull_request', 'workflow_dispatch', 'schedule', 'release', 'workflow_run', 'merge_group'];

const jobsOf = (wf: Obj) => Object.entries(wf['jobs'] as Record<string, Obj>);
const stepsOf = (job: Obj) => (job['steps'] as Obj[] | undefined) ?? [];

function checkPermissions(p: unknown, where: string): void {
  if (p === undefined) return;
  if (p === 'read-all' || p === 'write-all') throw new Error(`${where}: use explicit scopes, not ${p}`);
  expect(typeof p, where).toBe('object');
  for (const [scope, value] of Object.entries(p as Obj)) {
    expect(SCOPES, `${where}: permission scope ${scope}`).toContain(scope);
    expect(scope === 'id-token' ? ['write', 'none'] : ['read', 'write', 'none'], `${where}: ${scope}: ${String(value)}`).toContain(value);
  }
}

describe('every workflow file', () => {
  it('there are the deploy and pull-request workflows', () => expect(files).toEqual(['deploy.yml', 'pull-request.yml']));

  for (const f of files) {
    it(`${f}: parses and follows the workflow syntax`, () => {
      const { wf, text } = load(f);
      for (const k of Object.keys(wf)) expect(WORKFLOW_KEYS, `${f}: top-level key ${k}`).toContain(k);
      expect(typeof wf['name']).toBe('string');
      const on = wf['on'] as Obj;
      expect(on).toBeTypeOf('object');
      for (const e of Object.keys(on)) expect(EVENTS, `${f}: event ${e}`).toContain(e);
      checkPermissions(wf['permissions'], `${f}: top level`);
      const jobs = jobsOf(wf);
      expect(jobs.length).toBeGreaterThan(0);
      const names = jobs.map(([n]) => n);
      for (const [name, job] of jobs) {
        const where = `${f}: job ${name}`;
        for (const k of Object.keys(job)) expect(JOB_KEYS, `${where}: key ${k}`).toContain(k);
        expect(job['runs-on'], where).toBe('ubuntu-latest');
        checkPermissions(job['permissions'], where);
        const needs = job['needs'] === undefined ? [] : ([] as unknown[]).concat(job['needs']);
        for (const n of needs) expect(names, `${where}: needs ${String(n)}`).toContain(n);
        const steps = stepsOf(job);
        expect(steps.length, where).toBeGreaterThan(0);
        const ids = steps.map((s) => s['id']).filter((x): x is string => typeof x === 'string');
        for (const step of steps) {
          for (const k of Object.keys(step)) expect(STEP_KEYS, `${where}: step key ${k}`).toContain(k);
          expect(('uses' in step ? 1 : 0) + ('run' in step ? 1 : 0), `${where}: a step has either uses or run`).toBe(1);
          if (typeof step['uses'] === 'string') expect(step['uses'], where).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w.-]+$/);
        }
        // Expressions referring to steps and needs refer to ones that exist.
        const body = JSON.stringify(job);
        for (const m of body.matchAll(/steps\.([\w-]+)\./g)) expect(ids, `${where}: steps.${m[1]}`).toContain(m[1]);
        for (const m of body.matchAll(/needs\.([\w-]+)\./g)) expect(needs, `${where}: needs.${m[1]}`).toContain(m[1]);
      }
      // Balanced ${{ }} expressions.
      expect((text.match(/\$\{\{/g) ?? []).length).toBe((text.match(/\}\}/g) ?? []).length);
    });

    it(`${f}: least privilege`, () => {
      const { wf, text } = load(f);
      expect(Object.keys(wf['on'] as Obj)).not.toContain('pull_request_target');
      expect(text.replace(/^\s*#.*$/gm, '')).not.toMatch(/pull_request_target/);
      for (const [name, job] of jobsOf(wf)) {
        expect(job['permissions'], `${f}: job ${name} declares its permissions`).toBeTypeOf('object');
        for (const step of stepsOf(job)) {
          if (String(step['uses'] ?? '').startsWith('actions/checkout@')) {
            const w = step['with'] as Obj;
            expect(w['persist-credentials'], `${f}: ${name}: checkout keeps no credentials`).toBe(false);
            expect(w['fetch-depth'], `${f}: ${name}: full history`).toBe(0);
          }
        }
      }
    });
  }
});

describe('deploy.yml', () => {
  const { wf } = load('deploy.yml');
  const jobs = Object.fromEntries(jobsOf(wf));
  const runsProjectCode = (job: Obj) => stepsOf(job).some((s) => 'run' in s || String(s['uses'] ?? '').startsWith('actions/checkout@'));

  it('grants nothing at the top level; the build job may only read', () => {
    expect(wf['permissions']).toEqual({});
    expect(jobs['build']!['permissions']).toEqual({ contents: 'read' });
    expect(runsProjectCode(jobs['build']!)).toBe(true);
  });

  it('only jobs that run no project code get Pages or token rights', () => {
    for (const [name, job] of Object.entries(jobs)) {
      const perms = Object.entries((job['permissions'] ?? {}) as Obj).filter(([k, v]) => v !== 'none' && k !== 'contents');
      if (perms.length > 0) expect(runsProjectCode(job), `job ${name} has ${JSON.stringify(perms)}`).toBe(false);
    }
    expect(jobs['deploy']!['permissions']).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(stepsOf(jobs['deploy']!).map((s) => s['uses'])).toEqual(['actions/deploy-pages@v4']);
    expect(jobs['deploy']!['needs']).toBe('build');
  });

  it('builds with SITE_URL required, and the edit and report links configured', () => {
    const build = stepsOf(jobs['build']!).find((s) => s['run'] === 'npm run build')!;
    const env = build['env'] as Obj;
    expect(env['RTW_REQUIRE_SITE_URL']).toBe('1');
    expect(env['SITE_URL']).toMatch(/\$\{\{ needs\.settings\.outputs\.origin \}\}/);
    expect(env['EDIT_BASE_URL']).toBe('${{ github.server_url }}/${{ github.repository }}/edit/${{ github.ref_name }}/');
    expect(env['REPORT_URL']).toBe('${{ github.server_url }}/${{ github.repository }}/issues/new');
  });
});

describe('pull-request.yml', () => {
  const { wf, text } = load('pull-request.yml');
  const steps = stepsOf(Object.fromEntries(jobsOf(wf))['check']!);
  const runs = steps.map((s) => s['run']).filter((r): r is string => typeof r === 'string');

  it('runs on pull requests with read-only permissions and no secrets', () => {
    expect(Object.keys(wf['on'] as Obj)).toEqual(['pull_request']);
    expect(wf['permissions']).toEqual({ contents: 'read' });
    for (const [, job] of jobsOf(wf)) expect(job['permissions']).toEqual({ contents: 'read' });
    expect(text).not.toMatch(/secrets\.|GITHUB_TOKEN|github\.token/);
  });

  it('installs, checks data and content as GitHub annotations, builds and runs the fast tests', () => {
    expect(runs).toEqual([
      'npm ci',
      'npm run --silent data:check -- --format github',
      'npm run --silent content:check -- --format github',
      'npm run build',
      'npm run test:fast',
    ]);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const r of runs) {
      const script = /^npm run (?:--silent )?([\w:]+)/.exec(r)?.[1];
      if (script) expect(Object.keys(pkg.scripts)).toContain(script);
    }
    // The fast tests name their folders: unit and build tests only, never the browser tests.
    const fast = pkg.scripts['test:fast']!;
    expect(fast).toMatch(/^vitest run --config tests\/vitest\.config\.ts tests\/unit tests\/build /);
    expect(fast).not.toMatch(/tests\/e2e/);
    expect(fast).toMatch(/--exclude '\*\*\/\*\.slow\.test\.ts'/);
  });
});

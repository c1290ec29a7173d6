import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/lib/claims/offices.ts';
import { OFFICES, registryYaml } from '../helpers/claims-data.ts';

const PATH = 'data/kantor.yaml';
const messages = (text: string) => parseRegistry(PATH, text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message.en}`);

describe('the real registry (data/kantor.yaml)', () => {
  it('is valid, every office has a source, and every branch sits under a regional office under nasional', () => {
    const { registry, diagnostics } = parseRegistry(PATH, readFileSync(PATH, 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(registry).not.toBeNull();
    const r = registry!;
    expect(r.byId.get('pasuruan')).toMatchObject({ name: 'Pasuruan', level: 'kantor_cabang', parent: 'kanwil-jawa-timur' });
    expect(r.byId.get('nasional')).toMatchObject({ level: 'nasional', parent: null });
    for (const o of r.offices) {
      expect(o.sources.length).toBeGreaterThan(0);
      expect(r.byName.get(o.name)).toBe(o);
      if (o.level === 'kantor_cabang') expect(r.byId.get(o.parent!)?.level).toBe('kantor_wilayah');
      if (o.level === 'kantor_wilayah') expect(o.parent).toBe('nasional');
    }
  });
});

describe('parseRegistry', () => {
  it('accepts a valid registry and indexes it by id and name, in file order', () => {
    const { registry, diagnostics } = parseRegistry(PATH, registryYaml());
    expect(diagnostics).toEqual([]);
    expect(registry!.offices.map((o) => o.id)).toEqual(OFFICES.map((o) => o.id));
    expect(registry!.byName.get('Sidoarjo')?.id).toBe('sidoarjo');
  });

  it('refuses a parent that is not in the registry, naming the known ids', () => {
    const text = registryYaml(OFFICES.map((o) => (o.id === 'sidoarjo' ? { ...o, parent: 'kanwil-jatim' } : o)));
    const r = parseRegistry(PATH, text);
    expect(r.registry).toBeNull();
    expect(messages(text)).toEqual([
      '26:11 office.registry parent "kanwil-jatim" of "Sidoarjo" is not in the registry; add it or correct the id (known: nasional, kanwil-jawa-timur, pasuruan, sidoarjo)',
    ]);
  });

  it('refuses a parent of the wrong level, a branch without a parent and nasional with one', () => {
    const text = registryYaml(OFFICES.map((o) =>
      o.id === 'pasuruan' ? { ...o, parent: 'nasional' } : o.id === 'sidoarjo' ? { ...o, parent: null } : o.id === 'nasional' ? { ...o, parent: 'kanwil-jawa-timur' } : o));
    expect(messages(text)).toEqual([
      '5:11 office.registry "Nasional" is nasional, the top level: write parent: null',
      '19:11 office.registry parent "nasional" of "Pasuruan" has level nasional, but a kantor_cabang belongs to a kantor_wilayah',
      '26:11 office.registry "Sidoarjo" (kantor_cabang) needs a parent office of level kantor_wilayah; write its id',
    ]);
  });

  it('refuses duplicate ids and names', () => {
    const text = registryYaml([...OFFICES, { id: 'pasuruan', name: 'Sidoarjo', level: 'kantor_cabang', parent: 'kanwil-jawa-timur' }]);
    expect(messages(text)).toEqual([
      '29:7 office.registry office id "pasuruan" is used twice; give each office its own id',
      '30:9 office.registry office name "Sidoarjo" is used twice; give each office its own name',
    ]);
  });

  it('reports schema errors at their field: bad id, unknown level, no sources, misspelt field', () => {
    const text = [
      '- id: Kanwil Jatim',
      '  name: Kanwil Jawa Timur',
      '  full_name: Kantor Wilayah',
      '  level: wilayah',
      '  parent: null',
      '  coverage: null',
      '  sources: []',
      '  sumber: x',
      '',
    ].join('\n');
    const m = messages(text);
    expect(m).toContain('1:7 office.registry "id" may contain only lower-case letters, digits and single dashes, e.g. surabaya-darmo');
    expect(m).toContain('4:10 office.registry "level" must be one of: kantor_cabang, kantor_wilayah, nasional');
    expect(m).toContain('7:12 office.registry "sources" is empty: every office needs at least one source that names it');
    expect(m).toContain('8:3 office.registry unknown field "[0].sumber"; remove it');
    expect(parseRegistry(PATH, text).registry).toBeNull();
  });

  it('refuses a registry that is not a list, and invalid YAML', () => {
    expect(messages('pasuruan: {}\n')).toEqual(['1:1 office.registry data/kantor.yaml must be a list of offices']);
    expect(messages('- id: [x\n')[0]).toMatch(/^\d+:\d+ meta\.syntax invalid YAML: /);
  });
});

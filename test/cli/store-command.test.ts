// The CLI's main job, in-process (runCli) and once through the built executable, as a user runs it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'edgar-cli-'));

describe('edgar-extract <inputs>', () => {
  it('stores the bundled sample by accession number, offline, and prints its summary', async () => {
    const dir = tmp();
    const db = join(dir, 'edgar.db');
    const t = io({ EDGAR_CACHE_DIR: join(dir, 'cache') });
    expect(await runCli(['0001125282-03-003998', '--db', db], t.io)).toBe(0);
    expect(t.stdout()).toContain('0001125282-03-003998  SC 13D/A  filed 2003-06-25');
    expect(t.stdout()).toMatch(/subject company\s+HUDSON TECHNOLOGIES INC \/NY\s+CIK 0000925528/);
    expect(t.stdout()).toMatch(/filed by\s+FLEMING US DISCOVERY FUND III LP\s+CIK 0001024780/);
    expect(t.stdout()).toMatch(/7\s+EX-13\s+b325596_ex13\.txt\s+CONVERTIBLE NOTE/);
    // Both cover pages (issue 4), the prose records and checks (issue 5), the waivers (issue 6).
    expect(t.stdout()).toMatch(/schedule 13D: HUDSON TECHNOLOGIES, INC\. — Common Stock, par value \$\.01 per share, CUSIP 444144109, event 2001-02-16, amendment 2/);
    expect(t.stdout()).toMatch(/1\s+FLEMING US DISCOVERY FUND III, L\.P\.\s+a\s+WC\s+DELAWARE\s+4,413,110\s+0\s+4,413,110\s+0\s+SEE ITEM 5/);
    expect(t.stdout()).toMatch(/2\s+FLEMING US DISCOVERY OFFSHORE FUND III, L\.P\.\s+a\s+WC\s+BERMUDA\s+707,448\s+0\s+707,448\s+0\s+SEE ITEM 5/);
    expect(t.stdout()).toMatch(/Fleming US Discovery Fund III, L\.P\.\s+10% Exchange Notes due 12\/20\/04\s+349,939\.27/);
    expect(t.stdout()).toMatch(/pass\s+cover_vs_item5\s+Fleming US Discovery Fund III, L\.P\.\s+4,413,110\s+4,413,110/);
    expect(t.stdout()).toMatch(/6\s+EX-12\s+waiver_letter\s+2003-04-10\s+2002-12-20\s+Fleming US Discovery Fund III, L\.P\./);
    const sql = new Database(db, { readonly: true });
    expect(sql.prepare("SELECT type FROM documents WHERE accession_number='0001125282-03-003998' ORDER BY sequence").pluck().all()).toEqual(['SC 13D/A', 'EX-1', 'EX-10', 'EX-11', 'EX-12', 'EX-13']);
    sql.close();
  });

  it('walks a directory recursively and reports an unreadable file without losing the others (exit 1)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in', 'nested'), { recursive: true });
    copyFileSync('test/fixtures/full/0000109446-94-000005.txt', join(dir, 'in', '0000109446-94-000005.txt'));
    copyFileSync('test/fixtures/nc/0000774352-01-000002.nc', join(dir, 'in', 'nested', '0000774352-01-000002.nc'));
    writeFileSync(join(dir, 'in', 'nested', 'empty.txt'), '');
    const db = join(dir, 'edgar.db');
    const t = io();
    expect(await runCli([join(dir, 'in'), '--db', db], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/empty\.txt:1:1: EMPTY_INPUT: the input is empty/);
    const sql = new Database(db, { readonly: true });
    expect(sql.prepare('SELECT accession_number FROM filings ORDER BY 1').pluck().all()).toEqual(['0000109446-94-000005', '0000774352-01-000002']);
    sql.close();
  });

  it('--json prints the records', async () => {
    const dir = tmp();
    const t = io();
    expect(await runCli(['samples/0001125282-03-003998.txt', '--db', join(dir, 'e.db'), '--json'], t.io)).toBe(0);
    const json = JSON.parse(t.stdout());
    expect(json[0].accession_number).toBe('0001125282-03-003998');
    expect(json[0].documents.map((d: { type: string }) => d.type)).toEqual(['SC 13D/A', 'EX-1', 'EX-10', 'EX-11', 'EX-12', 'EX-13']);
    expect(json[0].reporting_persons.map((p: { name: string; sole_voting_power: number }) => [p.name, p.sole_voting_power])).toEqual([
      ['FLEMING US DISCOVERY FUND III, L.P.', 4413110],
      ['FLEMING US DISCOVERY OFFSHORE FUND III, L.P.', 707448],
    ]);
    expect(json[0].schedule13[0].cusip).toBe('444144109');
  });

  it('parse --json prints the tree and stores nothing', async () => {
    const dir = tmp();
    const t = io();
    const cwd = process.cwd();
    expect(await runCli(['parse', 'test/fixtures/nc/0000774352-01-000002.nc', '--json'], t.io)).toBe(0);
    const tree = JSON.parse(t.stdout());
    expect(tree.format).toBe('pds-submission');
    expect(tree.header.entities[0].company_data.cik).toBe('0000774352');
    expect(tree.bytes).toBeUndefined();
    expect(process.cwd()).toBe(cwd);
    expect(() => readFileSync(join(dir, 'edgar.db'))).toThrow();
  });

  it('usage errors exit 2', async () => {
    let t = io();
    expect(await runCli([], t.io)).toBe(2);
    expect(t.stderr()).toContain('nothing to do: give an accession number, a file or a directory');
    t = io();
    expect(await runCli(['no/such/file.txt', '--db', join(tmp(), 'typo.db')], t.io)).toBe(2);
    expect(t.stderr()).toContain('no such file or directory, and not an accession number');
    t = io();
    expect(await runCli(['--bogus'], t.io)).toBe(2);
  });

  it('an accession that is neither bundled nor cached needs a User-Agent before any request: exit 2', async () => {
    const dir = tmp();
    const t = io({ EDGAR_CACHE_DIR: join(dir, 'cache'), EDGAR_BASE_URL: 'http://127.0.0.1:9' });
    expect(await runCli(['0000320193-24-000123', '--db', join(dir, 'e.db')], t.io)).toBe(2);
    expect(t.stderr()).toContain('EDGAR_USER_AGENT');
  });

  it('the built executable runs the quick start', () => {
    const dir = tmp();
    const out = execFileSync(process.execPath, ['dist/src/cli.js', '0001125282-03-003998', '--db', join(dir, 'edgar.db')], { encoding: 'utf8', env: { ...process.env, EDGAR_CACHE_DIR: join(dir, 'cache') } });
    expect(out).toContain('HUDSON TECHNOLOGIES INC /NY');
  });
});

// The Feed archive reader over archives built here from the real `.nc` files (test/fixtures/nc and, when present,
// ../shared/corpus/nc): every member comes out whole and in order, gzip or not; unwanted forms are passed over on
// their header; notices are recognised; a damaged archive is a typed error naming the archive and the member.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors/index.js';
import { isArchivePath, readArchiveMembers, readMemberHeader, type ArchiveMember, type MemberHeader } from '../../src/input/feed-archive.js';
import { buildArchive, correctionOf, deletionNotice, ncAccession, realNcFiles } from '../helpers/feed-archive.js';

const files = realNcFiles();

async function collect(source: Parameters<typeof readArchiveMembers>[0], options: Parameters<typeof readArchiveMembers>[1] = {}): Promise<ArchiveMember[]> {
  const out: ArchiveMember[] = [];
  for await (const member of readArchiveMembers(source, options)) out.push(member);
  return out;
}

describe('readArchiveMembers', () => {
  it('yields every .nc member of a .nc.tar.gz, byte for byte, in archive order, with its header read', async () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    const dir = mkdtempSync(join(tmpdir(), 'feed-'));
    const path = join(dir, '20241213.nc.tar.gz');
    writeFileSync(path, await buildArchive(files, { directories: ['20241213/'] }));
    const members = await collect(path);
    expect(members.map((m) => m.name)).toEqual(files.map((f) => f.name));
    members.forEach((m, i) => {
      expect(Buffer.from(m.bytes).equals(Buffer.from(files[i]!.bytes))).toBe(true);
      expect(m.header.accessionNumber).toBe(ncAccession(files[i]!.bytes));
      expect(m.header.formType).not.toBeNull();
      expect(m.header.notice).toBeNull();
    });
  });

  it('reads a plain .tar from a stream as well', async () => {
    const tar = await buildArchive(files.slice(0, 3), { gzip: false });
    const members = await collect(Readable.from([tar.subarray(0, 1000), tar.subarray(1000)]));
    expect(members.map((m) => m.name)).toEqual(files.slice(0, 3).map((f) => f.name));
  });

  it('passes over members whose header form is not selected without keeping them, and non-submission files', async () => {
    const archive = await buildArchive([...files, { name: 'README', bytes: new Uint8Array(Buffer.from('not a filing')) }]);
    const skipped: [string, string][] = [];
    const seen: MemberHeader[] = [];
    const kept = await collect(Readable.from([archive]), {
      select: (h) => (seen.push(h), h.formType === 'SC 13G'),
      onSkip: (h, why) => skipped.push([h.name, why]),
    });
    expect(kept.map((m) => m.header.accessionNumber)).toEqual(['0001076809-24-000144']);
    expect(seen).toHaveLength(files.length);
    expect(skipped).toContainEqual(['README', 'not-a-submission']);
    expect(skipped.filter(([, why]) => why === 'not-selected')).toHaveLength(files.length - 1);
  });

  it('recognises DELETION and CORRECTION notices (modelled on the PDS specification; no live sample exists)', async () => {
    const sc13g = files.find((f) => f.name === '0001076809-24-000144.nc')!;
    const members = await collect(Readable.from([await buildArchive([deletionNotice('0001127602-25-004598', '4'), correctionOf(sc13g)])]));
    expect(members.map((m) => m.header.notice)).toEqual([
      { kind: 'DELETION', accessionNumber: '0001127602-25-004598', timestamp: '2024-12-13T17:02:11' },
      { kind: 'CORRECTION', accessionNumber: '0001076809-24-000144', timestamp: '2024-12-16T09:15:00' },
    ]);
  });

  it('a truncated archive is a ParseError BAD_ARCHIVE naming the archive and the member being read', async () => {
    const archive = await buildArchive(files);
    let error: unknown;
    try {
      await collect(Readable.from([archive.subarray(0, Math.floor(archive.length / 2))]), { archiveName: '20241213.nc.tar.gz' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('BAD_ARCHIVE');
    expect((error as ParseError).location.file).toBe('20241213.nc.tar.gz');
    expect((error as ParseError).message).toMatch(/while reading member .*\.nc/);
  });

  it('a missing archive file is a ParseError naming it, not an uncaught fs error', async () => {
    await expect(collect('/nonexistent/20241213.nc.tar.gz')).rejects.toMatchObject({ code: 'BAD_ARCHIVE', location: { file: '/nonexistent/20241213.nc.tar.gz' } });
  });

  it('bytes that are not a tar at all are a ParseError too', async () => {
    await expect(collect(Readable.from([Buffer.from('<html>Not found</html>'.repeat(40))]), { archiveName: 'x.tar' })).rejects.toMatchObject({ code: 'BAD_ARCHIVE' });
  });
});

describe('readMemberHeader and isArchivePath', () => {
  it('reads bare-CR .nc headers and tab-form .txt headers', () => {
    expect(readMemberHeader('a.nc', Buffer.from('<SUBMISSION>\r<ACCESSION-NUMBER>0001127602-25-004598\r<TYPE>4\r<DOCUMENT>\r<TYPE>EX-99\r'))).toMatchObject({
      accessionNumber: '0001127602-25-004598',
      formType: '4',
    });
    expect(readMemberHeader('b.txt', Buffer.from('<SEC-HEADER>\nACCESSION NUMBER:\t\t0000950170-24-139085\nCONFORMED SUBMISSION TYPE:\tSCHEDULE 13D/A\n'))).toMatchObject({
      accessionNumber: '0000950170-24-139085',
      formType: 'SCHEDULE 13D/A',
    });
  });

  it('knows archive names', () => {
    expect(['20241213.nc.tar.gz', 'x.tar', 'x.TGZ', 'x.tar.gz'].every(isArchivePath)).toBe(true);
    expect(['x.nc', 'x.txt', 'x.gz'].some(isArchivePath)).toBe(false);
  });
});

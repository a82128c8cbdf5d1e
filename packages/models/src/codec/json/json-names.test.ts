import { describe, expect, it } from 'vitest';
import { camelCase } from '../../index.js';
import { pluralOf } from './json-names.js';

describe('camelCase, as EM 13 writes keys', () => {
  it.each([
    ['BackedUpVms', 'backedUpVms'],
    ['UID', 'uid'],
    ['VAppRestorePoints', 'vAppRestorePoints'],
    ['CreationTimeUTC', 'creationTimeUTC'],
    ['VbrCertificateThumbprint', 'vbrCertificateThumbprint'],
    ['NASJobs', 'nasJobs'],
    ['Href', 'href'],
    ['already', 'already'],
  ])('%s → %s', (name, camel) => expect(camelCase(name)).toBe(camel));
});

describe('pluralOf, naming a repeated element\'s array', () => {
  it.each([
    ['Ref', 'Refs'],
    ['Repository', 'Repositories'],
    ['Day', 'Days'],
    ['BackupJobSession', 'BackupJobSessions'],
    ['Backup', 'Backups'],
  ])('%s → %s', (name, plural) => expect(pluralOf(name)).toBe(plural));
});

import { describe, expect, it } from 'vitest';
import { decode, examples, matchOperation } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import { defaultCredentials } from './default-credentials.js';
import { VersionedMap } from './versioned-map.js';

const documentedRefs = examples.filter((e) => e.type === 'EntityReferences').flatMap((e) => decode('EntityReferences', e.xml).Ref);

describe('createMockState', () => {
  it('holds every documented session with its documented id, name and backup server', () => {
    const state = createMockState({ sessions: 0 });
    expect(documentedRefs.length).toBeGreaterThan(0);
    for (const ref of documentedRefs) {
      const id = matchOperation('GET', new URL(ref.Href))!.params.id!;
      const session = state.failoverSessions.get(id)!;
      expect(session.Name).toBe(ref.Name);
      const up = ref.Links!.find((l) => l.Rel === 'Up')!;
      expect(session.backupServerId).toBe(matchOperation('GET', new URL(up.Href))!.params.id);
      expect(state.backupServers.get(session.backupServerId)?.Name).toBe(up.Name);
    }
  });

  it('knows the documented backup servers by id and name', () => {
    const servers = createMockState({ sessions: 0 }).backupServers;
    expect(servers.get('8fff3b8e-c3f1-4ef5-aecc-561f07bf9982')?.Name).toBe('172.17.53.48');
    expect(servers.get('4ceb4e03-d23d-4c4e-be05-21580b260243')?.Name).toBe('srv13.tech.local');
  });

  it('adds the number of generated sessions asked for', () => {
    const documented = createMockState({ sessions: 0 }).failoverSessions.size;
    expect(createMockState({ sessions: 17 }).failoverSessions.size).toBe(documented + 17);
  });

  it('generates the same sessions for the same seed and others for another seed', () => {
    const ids = (seed: number) => [...createMockState({ sessions: 20, seed }).failoverSessions.values()];
    expect(ids(5)).toEqual(ids(5));
    expect(ids(5).map((s) => s.id)).not.toEqual(ids(6).map((s) => s.id));
  });

  it('generates running sessions: Working, Result None, no EndTimeUTC, tasks still going', () => {
    const running = [...createMockState({ sessions: 200 }).failoverSessions.values()].filter((s) => s.Result === 'None');
    expect(running.length).toBeGreaterThan(20);
    for (const s of running) {
      expect(s.State).toBe('Working');
      expect(s.EndTimeUTC).toBeUndefined();
      expect(s.CloudFailoverTasks.length).toBeGreaterThan(0);
      expect(s.CloudFailoverTasks.every((t) => t.Result === 'None' && t.EndTimeUTC === undefined)).toBe(true);
    }
  });

  it('generates finished sessions with Success, Warning and Failed, each ending after it began', () => {
    const finished = [...createMockState({ sessions: 200 }).failoverSessions.values()].filter((s) => s.Result !== 'None');
    expect(new Set(finished.map((s) => s.Result))).toEqual(new Set(['Success', 'Warning', 'Failed']));
    for (const s of finished) {
      expect(s.State).toBe('Stopped');
      expect(s.Progress).toBe(100);
      expect(s.EndTimeUTC!.getTime()).toBeGreaterThan(s.CreationTimeUTC.getTime());
    }
  });

  it('puts every session under a backup server the state knows', () => {
    const state = createMockState({ sessions: 100 });
    for (const s of state.failoverSessions.values()) expect(state.backupServers.has(s.backupServerId)).toBe(true);
  });

  it('lets the default user log on unless users are given', () => {
    expect([...createMockState().users]).toEqual([[defaultCredentials.user, defaultCredentials.password]]);
    expect([...createMockState({ users: { alice: 'a' } }).users]).toEqual([['alice', 'a']]);
  });

  it('counts changes to sessions, so cached bodies go stale', () => {
    const state = createMockState({ sessions: 1 });
    const sessions = state.failoverSessions as VersionedMap<string, unknown>;
    const before = sessions.version;
    const [id, session] = [...state.failoverSessions][0]!;
    state.failoverSessions.set(id, { ...session, Name: 'Renamed' });
    expect(sessions.version).toBe(before + 1);
  });
});

import { decode, encode, examples, matchOperation, operations, representations, type EntityRef, type Representation } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeEm, PASSWORD, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { ForeignOriginError, LinkError } from './errors.js';
import { linkOf } from './link-of.js';
import { ActionLinkError } from './task-errors.js';
import { methodPlans } from './method-names.js';

const refs = decode('EntityReferences', examples.find((e) => e.file === 'cloud-failover-sessions.refs.xml')!.xml);
const ref = refs.Ref[0]!;
const alternate = linkOf(ref, 'Alternate')!;
const up = linkOf(ref, 'Up')!;
const entityExample = examples.find((e) => e.file === 'cloud-failover-session.entity.xml')!;

/** The backup server's reference, built from the Up link (no documented example has one). */
const serverRef: EntityRef = {
  Type: up.Type!,
  Href: up.Href,
  Name: up.Name!,
  UID: `urn:veeam:BackupServer:${matchOperation('GET', new URL(up.Href))!.params.id}`,
};

const setup = (representation: Representation = 'xml') => {
  const em = fakeEm((r, next) => (r.operation === operations.getBackupServer.id && !r.url.search ? xml(200, encode('EntityRef', serverRef)) : next()));
  return { em, client: createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch: em.fetch }) };
};

describe.each(representations)('follow, by a client for %s', (representation) => {
  it('gives the CloudFailoverSession entity for the Alternate link of a CloudFailoverSessionReference', async () => {
    const { em, client } = setup(representation);
    const session = await client.follow(alternate, { type: 'CloudFailoverSession' });
    expect(session).toEqual(decode('CloudFailoverSession', entityExample.xml));
    expect(em.seen.at(-1)!.url.href).toBe(alternate.Href);
  });

  it("gives the backup server's reference for the Up link", async () => {
    const { client } = setup(representation);
    expect(await client.follow(up)).toEqual(serverRef);
  });

  it('gives the EntityRef for a Ref itself, and back again from the entity through its Alternate link', async () => {
    const { client } = setup(representation);
    const reference = await client.follow(ref);
    expect(reference).toMatchObject({ Type: 'CloudFailoverSessionReference', UID: ref.UID });
    const entity = await client.follow(linkOf(reference, 'Alternate')!, { type: 'CloudFailoverSession' });
    expect(await client.follow(linkOf(entity, 'Alternate')!)).toEqual(reference);
  });

  it('refuses an href on another origin before anything is sent, so the token stays home', async () => {
    const { em, client } = setup(representation);
    for (const href of ['https://evil.example:9398/api/cloud/failoverSessions/x?format=Entity', 'http://localhost:9398/api/backupServers/x', 'https://localhost:9399/api/backupServers/x']) {
      const error = await client.follow({ ...alternate, Href: href }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForeignOriginError);
      expect(error).toMatchObject({ href, expectedOrigin: BASE_URL });
    }
    expect(em.seen).toHaveLength(0);
  });

  it('refuses a link whose Type names nothing the spec can fetch', async () => {
    const { em, client } = setup(representation);
    await expect(client.follow({ Href: `${BASE_URL}/api/cloud`, Type: 'CloudConnectService' })).rejects.toThrow(/expected a Type the spec can fetch .*got Type CloudConnectService/);
    await expect(client.follow({ Href: alternate.Href })).rejects.toThrow(/got no Type/);
    expect(em.seen).toHaveLength(0);
  });

  it('refuses a link whose Type differs from the one asked for', async () => {
    const { client } = setup(representation);
    await expect(client.follow(up, { type: 'CloudFailoverSession' })).rejects.toThrow(LinkError);
  });

  it('refuses an href that is not the URL of the operation its Type names, or asks for another representation', async () => {
    const { em, client } = setup(representation);
    await expect(client.follow({ ...alternate, Href: up.Href })).rejects.toThrow(/expected the URL of getCloudFailoverSession, got the URL of getBackupServer/);
    await expect(client.follow({ ...alternate, Href: ref.Href })).rejects.toThrow(/expected a URL asking for the CloudFailoverSession representation, got one asking for EntityRef/);
    await expect(client.follow({ ...alternate, Href: 'not a url' })).rejects.toThrow(/expected an absolute URL/);
    expect(em.seen).toHaveLength(0);
  });
});

describe('linkOf', () => {
  it('finds the first link with a Rel, and a Type when given', () => {
    expect(linkOf(ref, 'Up')).toBe(up);
    expect(linkOf(ref, 'Alternate', 'BackupServerReference')).toBeUndefined();
    expect(linkOf({}, 'Up')).toBeUndefined();
  });

  it('refuses an action link (no Type) with ActionLinkError naming the method to call, sending nothing', async () => {
    const plan = decode('CloudFailoverPlan', examples.find((e) => e.type === 'CloudFailoverPlan')!.xml);
    const actionLinks = (plan.Links ?? []).filter((l) => l.Type === undefined);
    expect(actionLinks.length).toBeGreaterThan(0);
    for (const link of actionLinks) {
      const { em, client } = setup();
      const error = await client.follow(link).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionLinkError);
      const action = Object.values(operations).find((o) => o.method !== 'GET' && o.query.some((q) => 'const' in q && link.Href.endsWith(`${q.name}=${q.const}`)))!;
      expect(error).toMatchObject({ operation: action.id, method: `${action.resource}.${methodPlans(action)[0]!.name}` });
      expect((error as Error).message).toContain(`client.${action.resource}.${methodPlans(action)[0]!.name}(id`);
      expect(em.seen).toHaveLength(0);
    }
  });
});

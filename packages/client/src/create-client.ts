import type { LinkTargetTypes, LogonSession } from '@vbem/models';
import type { CallOptions, ClientOptions } from './client-options.js';
import { createRequester } from './create-requester.js';
import { createResources } from './create-resources.js';
import { followLink, type Followable } from './follow-link.js';
import type { Resources } from './resource-types.js';

/** Options of `follow`. */
export interface FollowOptions<T extends keyof LinkTargetTypes = keyof LinkTargetTypes> extends CallOptions {
  /** The Type the link must have; the result is typed by it. (default: the link's own Type) */
  type?: T;
}

/** What `follow` gives for a link whose Type is only known at run time: any model a link can name. */
export type FollowResult = LinkTargetTypes[keyof LinkTargetTypes];

/**
 * The client: one method group per resource of the spec (a method per operation: reads, paged queries,
 * writes and actions; `tasks.wait` besides), plus the session lifecycle and `follow`.
 */
export type VbemClient = Resources & {
  /** The server address requests go to (the baseUrl option without `/api`). */
  readonly baseUrl: URL;
  /**
   * Logs on now instead of on first use, and returns the LogonSession. A client built with a
   * `sessionId` cannot log on and rejects with a TypeError.
   */
  logon(): Promise<LogonSession>;
  /**
   * Deletes the logon session this client created (the SessionId of its LogonSession), never another
   * one; does nothing when it holds none, or holds a session passed in as `sessionId`. A later call logs on again.
   */
  logoff(): Promise<void>;
  /**
   * Fetches what a Link or Ref points at (a GET), typed by its Type; refuses hrefs on another origin than
   * baseUrl, and action links (`Rel="Start"`, no Type) with an ActionLinkError naming the method to call.
   */
  follow<L extends Followable & { readonly Type: keyof LinkTargetTypes }>(link: L, options?: FollowOptions<L['Type']>): Promise<LinkTargetTypes[L['Type']]>;
  follow<T extends keyof LinkTargetTypes>(link: Followable, options: FollowOptions<T> & { type: T }): Promise<LinkTargetTypes[T]>;
  follow(link: Followable, options?: FollowOptions): Promise<FollowResult>;
  /** Logs off (as `logoff`) and releases the TLS connection pool: `await using client = createClient(…)`. */
  [Symbol.asyncDispose](): Promise<void>;
};

/**
 * Creates a client for one Enterprise Manager. Nothing is sent until the first call, which logs on
 * (once, however many calls start together); the token is then sent with every request.
 * @example
 * await using client = createClient({ baseUrl: 'https://em.example.com:9398', username, password, ca });
 * for (const ref of (await client.cloudFailoverSessions.list()).Ref) console.log(ref.Name);
 * const task = await client.tasks.wait(await client.cloudCloudFailoverPlans.start(planId, { StartNow: true }));
 */
export function createClient(options: ClientOptions): VbemClient {
  const requester = createRequester(options);
  const follow = async (link: Followable, followOptions: FollowOptions = {}) => {
    try {
      return await followLink(requester, link, followOptions.type, followOptions.signal);
    } catch (error) {
      throw requester.scrub(error);
    }
  };
  const dispose = async () => {
    try {
      await requester.logoff();
    } finally {
      await requester.close();
    }
  };
  return Object.freeze({
    ...createResources(requester),
    baseUrl: requester.baseUrl,
    logon: requester.logon,
    logoff: requester.logoff,
    follow,
    [Symbol.asyncDispose]: dispose,
  }) as VbemClient;
}

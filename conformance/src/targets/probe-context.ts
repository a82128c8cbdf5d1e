import type { ApiModel, OperationSpec } from '@vbem/models';
import type { Carrier } from '../checks/carriers-of.js';
import type { Exchange, Probe } from '../exchange.js';

/** One request the run sent: its exchange, its body decoded (when the spec knows it), its response headers. */
export interface Step {
  readonly exchange?: Exchange;
  readonly value?: unknown;
  readonly headers?: Headers;
}

/** A read of something that carries links: the step and the entities and references in its body. */
export interface ReadStep extends Step {
  readonly carriers: readonly Carrier[];
}

/** What the probes read that later probes start from. */
export interface ProbeFindings {
  /** The references of each collection (default format) the sample reads (`pickSample` of its answer), by collection operation. */
  readonly refs: Map<string, Carrier[]>;
  /** The path parameters of the items read, by item operation. */
  readonly itemParams: Map<string, Record<string, string>[]>;
  /** Everything read that carries links (`detached` from the bodies): followed by the follow-links probe. */
  readonly carriers: Carrier[];
  /** The items of the first page of each query operation read unfiltered, by `operation format`: where filter values come from. */
  readonly queryItems: Map<string, (Carrier & Record<string, unknown>)[]>;
}

/**
 * What a probe module may do: send through the run's session (recorded, guarded by the read-only
 * rule), resolve hrefs to the server, and note what it leaves out. Each probe kind is one module
 * that takes its planned probe and this.
 */
export interface ProbeContext {
  readonly model: ApiModel;
  readonly base: URL;
  /** How many items of each collection are sampled. */
  readonly sample: number;
  /** The operation of an id of the table. */
  readonly op: (id: string) => OperationSpec;
  /** The URL of an operation on the server, with its path parameters and query. */
  readonly urlOf: (operation: OperationSpec, params?: Readonly<Record<string, string>>, query?: Readonly<Record<string, string | number>>) => URL;
  /** GETs a URL with the run's session (none for the `no-session` probe). */
  readonly get: (url: URL, probe?: Probe) => Promise<Step>;
  /** GETs a URL, noting the item read and the carriers of its body. */
  readonly read: (url: URL, probe?: Probe) => Promise<ReadStep>;
  /** How long an action's Task is polled, in milliseconds. */
  readonly taskDeadlineMs: number;
  /** Sends a planned state-changing request with the run's session (the built-in fake, or a lab server named twice). */
  readonly act: (method: string, url: URL, body?: string) => Promise<Step>;
  /** An href as a URL the run may GET with its session, or undefined (not followed). */
  readonly resolve: (href: string) => URL | undefined;
  /** The operations links are followed to. (default: every operation) */
  readonly follows?: ReadonlySet<string>;
  /** The URLs already fetched. */
  readonly fetched: ReadonlySet<string>;
  /** Notes an operation (or a probe of it) not sent, and why. */
  readonly skip: (operation: string, reason: string) => void;
  readonly findings: ProbeFindings;
}

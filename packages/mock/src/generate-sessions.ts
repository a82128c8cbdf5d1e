import type { CloudFailoverTaskSessionInfo, Link, SessionResult } from '@vbem/models';
import type { MockBackupServer, MockFailoverSession } from './mock-state.js';
import { createPrng, type Prng } from './prng.js';

/** What generated sessions are made of. */
export interface GenerateContext {
  readonly backupServers: readonly MockBackupServer[];
  readonly jobType: string;
  /** A documented replica point link: generated task links copy its Rel, Type and URL shape. */
  readonly replicaPointLink?: Link;
  /** Generated sessions were created in the 30 days before this. */
  readonly now: Date;
}

const COMPANIES = ['ABC Company', 'UCM Company', 'Contoso', 'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Litware', 'Adatum'];
const PLANS = ['Failover Plan', 'Cloud Failover Plan', 'Full Site Failover', 'DR Plan'];
const VMS = ['filesrv', 'sql', 'dc', 'web', 'exch', 'app', 'erp', 'print'];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * `count` cloud failover sessions, the same ones for the same seed: about a quarter running
 * (State Working, Result None, no EndTimeUTC, tasks still going), the rest finished with
 * Success, Warning or Failed, each under one of the given backup servers.
 * @example generateSessions(10, 1, context).filter((s) => s.Result === 'None').length
 */
export function generateSessions(count: number, seed: number, context: GenerateContext): MockFailoverSession[] {
  const prng = createPrng(seed);
  return Array.from({ length: count }, () => generateOne(prng, context));
}

function generateOne(prng: Prng, context: GenerateContext): MockFailoverSession {
  const id = prng.guid();
  const server = prng.pick(context.backupServers);
  const Name = `${prng.pick(COMPANIES)} ${prng.pick(PLANS)}`;
  const roll = prng.next();
  const vms = Array.from({ length: prng.int(1, 4) }, () => `${prng.pick(VMS)}${String(prng.int(1, 12)).padStart(2, '0')}`);
  // Without a documented replica point link there is nothing to point tasks at: sessions get none.
  if (!context.replicaPointLink) vms.length = 0;
  const base = { id, backupServerId: server.id, Name, JobType: context.jobType };
  if (roll < 0.25) {
    const created = context.now.getTime() - prng.int(1, 90) * MINUTE - prng.int(0, 59_999);
    const tasks = vms.map((vm, i) => task(prng, context, vm, created + (i + 1) * 5_000, i === 0 ? 'Working' : prng.pick(['Working', 'Starting'] as const)));
    const Progress = Math.floor(tasks.reduce((sum, t) => sum + t.Progress, 0) / Math.max(1, tasks.length));
    return { ...base, CreationTimeUTC: new Date(created), State: 'Working', Result: 'None', Progress, CloudFailoverTasks: tasks };
  }
  const Result: SessionResult = roll < 0.7 ? 'Success' : roll < 0.85 ? 'Warning' : 'Failed';
  const created = context.now.getTime() - prng.int(1, 30) * DAY + prng.int(0, DAY - 1);
  const ended = created + prng.int(2, 40) * MINUTE + prng.int(0, 59_999);
  const tasks = vms.map((vm, i) => finishedTask(prng, context, vm, created + (i + 1) * 5_000, ended - (vms.length - i) * 1_000, i === 0 ? Result : 'Success'));
  return {
    ...base,
    CreationTimeUTC: new Date(created),
    EndTimeUTC: new Date(ended),
    State: 'Stopped',
    Result,
    Progress: 100,
    ...(Result === 'Failed' && prng.next() < 0.5 ? { FailureMessage: 'One or more VMs failed to fail over' } : {}),
    CloudFailoverTasks: tasks,
  };
}

function task(prng: Prng, context: GenerateContext, vm: string, created: number, State: 'Working' | 'Starting'): CloudFailoverTaskSessionInfo {
  return {
    VmName: vm,
    VmReplicaPointLink: replicaPointLink(prng, context, vm, created),
    CreationTimeUTC: new Date(created),
    State,
    Result: 'None',
    Progress: State === 'Starting' ? 0 : prng.int(0, 95),
  };
}

function finishedTask(prng: Prng, context: GenerateContext, vm: string, created: number, ended: number, Result: SessionResult): CloudFailoverTaskSessionInfo {
  return {
    VmName: vm,
    VmReplicaPointLink: replicaPointLink(prng, context, vm, created),
    CreationTimeUTC: new Date(created),
    EndTimeUTC: new Date(ended),
    State: 'Stopped',
    Result,
    Progress: 100,
    ...(Result === 'Failed' ? { FailureMessage: `Failed to power on VM ${vm}: the operation has timed out` } : {}),
    ...(Result === 'Warning' ? { FailureMessage: `VM ${vm} has no network connection after failover` } : {}),
  };
}

// `filesrv03@2020-02-13 05:00:46`, at the URL of the documented link with a new id as last segment.
function replicaPointLink(prng: Prng, context: GenerateContext, vm: string, created: number): Link {
  const template = context.replicaPointLink!;
  const point = new Date(created - prng.int(1, 72) * 3_600_000);
  const url = new URL(template.Href);
  url.pathname = url.pathname.replace(/[^/]+$/, prng.guid());
  return { ...template, Href: url.href, Name: `${vm}@${point.toISOString().slice(0, 19).replace('T', ' ')}` };
}

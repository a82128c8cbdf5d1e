import type { Exchange } from './exchange.js';

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'warning';

/** One verdict of one check on one exchange. */
export interface CheckResult {
  /** The stable check id, such as `body.root`. */
  readonly check: string;
  readonly status: CheckStatus;
  /** What was expected and what came, and where. */
  readonly message: string;
}

/** What a check may look at beyond its own exchange. */
export interface CheckContext {
  /** Every exchange of the target's run, in order (for checks that follow links). */
  readonly exchanges: readonly Exchange[];
  /** The XSD findings per exchange, when an XSD was given. */
  readonly xsd?: ReadonlyMap<Exchange, readonly string[]>;
  /** The origin of the base URL: the only one a session header may go to. */
  readonly origin?: string;
  /** Other origins declared the same server (`--same-origin`): hrefs there are accepted. */
  readonly sameOrigins?: readonly string[];
}

/** A check: a pure function from an exchange (and the run's other exchanges) to verdicts. */
export interface Check {
  readonly id: string;
  /** 'exchange' checks need only their exchange; 'run' checks look at the others too and run last. */
  readonly scope: 'exchange' | 'run';
  /** One line saying what the check asks. */
  readonly title: string;
  readonly run: (exchange: Exchange, context: CheckContext) => CheckResult[];
  /**
   * A run check's facts of an exchange, taken from `whole` when it is judged and kept for `kept`
   * (the same exchange without its body, `withoutBody`), which is what `run` and the context's
   * exchanges then are: what the check reads later must be in them. The context's exchanges are
   * those kept so far, `kept` the last. (default: none: `run` reads the exchanges themselves, and
   * the run keeps their bodies)
   */
  readonly keep?: (whole: Exchange, kept: Exchange, context: CheckContext) => void;
}

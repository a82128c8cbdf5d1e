import { NetworkError } from './errors.js';
import { exchange, type Exchange, type ExchangeSettings, type OutgoingRequest } from './exchange.js';
import { sleep } from './sleep.js';
import { SERVICE_UNAVAILABLE } from './spec-conventions.js';

export interface RetrySettings extends ExchangeSettings {
  readonly retries: number;
  readonly retryDelayMs: number;
}

/**
 * Sends a request; a GET that meets a network error or a 503 is tried again up to `retries` times,
 * waiting `retryDelayMs`, then twice that, and so on. Other methods are sent once.
 */
export async function sendWithRetries(settings: RetrySettings, request: OutgoingRequest): Promise<Exchange> {
  const retries = request.context.method === 'GET' ? settings.retries : 0;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= retries;
    try {
      const response = await exchange(settings, request);
      if (response.status !== SERVICE_UNAVAILABLE || last) return response;
    } catch (error) {
      if (!(error instanceof NetworkError) || last) throw error;
    }
    await sleep(settings.retryDelayMs * 2 ** attempt, request.signal);
  }
}

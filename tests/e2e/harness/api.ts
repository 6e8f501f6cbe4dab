/** Calls Holdspace's typed API from any extension page, as the views do (one runtime message per call). */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { ApiArgs, ApiMethod, ApiValue } from '../../../lib/api/contract';
import type { Result } from '../../../lib/api/result';
import { apiRequest } from '../../../lib/api/wire';
import { panelUrl } from './browser';

type Where = Page | Frame;

/** The raw Result of one API call, sent from `where` (an extension page or the overlay frame). */
export async function callApi<M extends ApiMethod>(where: Where, method: M, args: ApiArgs<M>): Promise<Result<ApiValue<M>>> {
  const request = apiRequest(method, args, 'e2e');
  return where.evaluate((message) => chrome.runtime.sendMessage(message), request) as Promise<Result<ApiValue<M>>>;
}

/** The value of one API call; throws with the API's sentence when it failed. */
export async function api<M extends ApiMethod>(where: Where, method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
  const result = await callApi(where, method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Opens the side panel page in a tab and waits until the app has rendered. */
export async function openPanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(panelUrl(extensionId));
  await page.getByRole('button', { name: 'Settings' }).waitFor();
  return page;
}

/** Creates a client and starts a session for them through the API; returns both ids. */
export async function startSessionViaApi(where: Where, clientName: string): Promise<{ clientId: string; sessionId: string }> {
  const client = await api(where, 'createClient', { input: { name: clientName } });
  const session = await api(where, 'startSession', { clientId: client.id });
  return { clientId: client.id, sessionId: session.id };
}

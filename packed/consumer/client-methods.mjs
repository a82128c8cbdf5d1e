// Every resource method the packed model gives the packed client, as { group, name }, and whether a
// client built at run time has it as a function.
import { createClient, methodPlans } from '@vbem/client';
import { api, operations } from '@vbem/models';

const client = createClient({ baseUrl: 'https://em.example.com:9398', username: 'user', password: 'secret' });
const lifecycle = new Set([api.protocol.logon, api.protocol.logoff]);
const methods = Object.values(operations)
  .filter((operation) => !lifecycle.has(operation.id))
  .flatMap((operation) => methodPlans(operation).map(({ name }) => ({ group: operation.resource, name, present: typeof client[operation.resource]?.[name] === 'function' })));
console.log(JSON.stringify(methods));

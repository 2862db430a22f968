import { ClientList, readListQuery } from '../src/services/list/clientList.js'
import { listClientsHandler } from '../src/actions/client/list.action.js'
import { AccessControl } from '../src/services/core/accessControl.js'

// Issue 25, finding 3: the list started the total's query and did not await it when the page's
// query failed first; the total's rejection was then unhandled and Node ended the process. Jest
// (circus) fails the running test on an unhandled rejection, so each case waits for the late one.
const lost = () => Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' })
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A ClientList whose page query fails at once and whose total fails a little later. */
function failingList(): ClientList {
  const list = Object.create(ClientList.prototype) as ClientList
  return Object.assign(list, {
    // No contract reference in the search: no lookup before the page's queries.
    lookedUp: { page: new WeakMap(), table: new WeakMap() },
    rows: () => Promise.reject(lost()),
    total: () => later(20).then(() => Promise.reject(lost())),
    activeContracts: () => Promise.resolve(new Map()),
  })
}

const query = readListQuery({}, { perPage: 10, maxPerPage: 500, sortBy: 'createdAt', direction: 'desc' })

test("the list service's page() leaves no rejection unhandled when the page query fails first", async () => {
  await expect(failingList().page(query)).rejects.toThrow('Connection lost')
  await later(60)
})

test('the Client list action leaves no rejection unhandled when the page query fails first', async () => {
  const context = {
    resource: { decorate: () => ({ options: {} }) },
    _admin: { options: { settings: {} } },
  } as unknown as Parameters<ReturnType<typeof listClientsHandler>>[2]
  const handler = listClientsHandler(failingList(), new AccessControl({}))
  await expect(handler({ query: {} } as never, {}, context)).rejects.toThrow('Connection lost')
  await later(60)
})

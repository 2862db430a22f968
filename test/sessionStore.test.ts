// A logout must end the session before its answer leaves: connect-typeorm 2.0's destroy called
// back before its delete ran, so the next request (here, or on another instance) was still logged in.
import { Session } from '../demo/entities/Session.js'
import { databaseSessionStore } from '../demo/sessionStore.js'
import { describeEachDatabase } from './support/databases.js'

describeEachDatabase('the demo session store', (database) => {
  test('destroy answers once the session row is gone', async () => {
    const repository = database().dataSource.getRepository(Session)
    const store = databaseSessionStore(repository)
    const sessions = Array.from({ length: 20 }, (_, i) => `sid-${i}-${Date.now()}`)
    for (const sid of sessions) {
      await new Promise<void>((resolve, reject) =>
        store.set(sid, { cookie: { originalMaxAge: 60_000 } } as never, (error) =>
          error ? reject(error) : resolve(),
        ),
      )
    }
    const stillThere: string[] = []
    for (const sid of sessions) {
      await new Promise<void>((resolve, reject) =>
        store.destroy(sid, (error) => {
          if (error) return reject(error)
          // Read at once, as the next request would: the row must be gone already.
          repository.findOneBy({ id: sid }).then((row) => {
            if (row) stillThere.push(sid)
            resolve()
          }, reject)
        }),
      )
    }
    expect(stillThere).toEqual([])
    expect(await repository.count()).toBe(0)
  })
})

import { DatabaseNodesError, galeraDataSourceOptions, nodeReady, parseDatabaseNodes } from './galeraNodes.js'

describe('parseDatabaseNodes', () => {
  test('one URL with a list of hosts: every node, the first node’s URL for TypeORM', () => {
    const list = parseDatabaseNodes(
      'mariadb://app:s3cret@10.0.0.1:3306,10.0.0.2,db3.lan:3307/clients?ssl=true',
    )
    expect(list.nodes).toEqual([
      { host: '10.0.0.1', port: 3306 },
      { host: '10.0.0.2', port: 3306 },
      { host: 'db3.lan', port: 3307 },
    ])
    expect(list.url).toBe('mysql://app:s3cret@10.0.0.1:3306/clients?ssl=true')
    expect(list.nodeUrls[2]).toBe('mysql://app:s3cret@db3.lan:3307/clients?ssl=true')
  })

  test('a list of URLs with one host each, IPv6 too', () => {
    const list = parseDatabaseNodes(['mysql://app:pw@127.0.0.1:3311/db', ' mysql://app:pw@[::1]:3312/db '])
    expect(list.nodes).toEqual([
      { host: '127.0.0.1', port: 3311 },
      { host: '::1', port: 3312 },
    ])
    expect(list.nodeUrls[1]).toBe('mysql://app:pw@[::1]:3312/db')
  })

  test('no URL at all (an unset environment variable) is refused', () => {
    expect(() => parseDatabaseNodes(undefined)).toThrow('no database URL given')
  })

  test.each([
    ['', 'no database URL given'],
    ['postgres://u:p@h/db', 'must start with mysql:// or mariadb://'],
    ['mysql://u:p@/db', 'has no host'],
    ['mysql://u:p@h1,,h2/db', 'is not host or host:port'],
    ['mysql://u:p@h1:99999/db', 'is not host or host:port'],
    ['mysql://u:p@h1:3306,h1/db', 'listed twice'],
  ])('%j is refused: %s', (url, reason) => {
    expect(() => parseDatabaseNodes(url)).toThrow(DatabaseNodesError)
    expect(() => parseDatabaseNodes(url)).toThrow(reason)
  })

  test('URLs of a list that differ in user, password or database are refused, the password never shown', () => {
    const attempt = () => parseDatabaseNodes(['mysql://app:one-pw@h1/db', 'mysql://app:other-pw@h2/db'])
    expect(attempt).toThrow('database URL 2 names another user, password, database or options')
    expect(attempt).not.toThrow(/one-pw|other-pw/)
  })
})

describe('galeraDataSourceOptions', () => {
  test('one node: TypeORM’s own pool, nothing else', () => {
    expect(galeraDataSourceOptions('mysql://u:p@h:3306/db')).toEqual({ url: 'mysql://u:p@h:3306/db' })
  })

  test('several nodes: a driver whose pool is the node list, mysql2 named so TypeORM reads JSON as mysql2', () => {
    const options = galeraDataSourceOptions('mysql://u:p@h1,h2/db', { connectTimeoutMs: 1500 })
    expect(options).toMatchObject({
      url: 'mysql://u:p@h1:3306/db',
      connectTimeout: 1500,
      connectorPackage: 'mysql2',
    })
    expect(typeof (options.driver as { createPool?: unknown }).createPool).toBe('function')
  })
})

describe('nodeReady (asked of each new connection of a node list)', () => {
  const row = (name: string, value: string) => ({ Variable_name: name, Value: value })
  test('a server without Galera serves (MariaDB shows wsrep_ready OFF there, but no wsrep_local_state)', () => {
    expect(nodeReady([row('wsrep_ready', 'OFF')])).toBe(true)
    expect(nodeReady([])).toBe(true)
  })
  test('a Galera node serves once wsrep_ready is ON, not while it joins or is cut off', () => {
    expect(nodeReady([row('wsrep_local_state', '4'), row('wsrep_ready', 'ON')])).toBe(true)
    expect(nodeReady([row('wsrep_local_state', '1'), row('wsrep_ready', 'OFF')])).toBe(false)
    expect(nodeReady([row('wsrep_local_state', '0'), row('wsrep_ready', 'OFF')])).toBe(false)
  })
})

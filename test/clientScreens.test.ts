// The logic of the admin's screens, outside the browser: tab URL state and paging, formatting,
// the payment methods tab's states, badge colors and labels, the form extras.
import {
  BUILT_IN_TABS,
  formatDate,
  formatPeriod,
  formatValue,
  pageCount,
  readPaging,
  readTabState,
  tabKeys,
  tabSearch,
} from '../src/shared/clientPageTabs.js'
import { paymentMethodsView } from '../src/components/clientShow/paymentMethodsView.js'
import { CLIENT_STATUS_STYLE, clientStatusStyle } from '../src/components/common/clientStatusStyle.js'
import { passwordStrength, resultingBalance } from '../src/components/actionForm/actionFormExtras.js'
import { CLIENT_STATUSES } from '../src/entities/columns.js'
import { translations } from '../src/locale/index.js'

const keys = tabKeys([{ resourceId: 'Invoice', foreignKey: 'clientId', columns: ['number'] }])

describe('the client page’s tab in the URL', () => {
  test('the tabs: details first, every built-in one, then the host’s', () => {
    expect(keys[0]).toBe('details')
    expect(keys).toEqual([...BUILT_IN_TABS, 'Invoice'])
  })

  test('reads the tab and its page; anything unknown falls back to the details, page 1', () => {
    expect(readTabState('', keys)).toEqual({ tab: 'details', page: 1 })
    expect(readTabState('?tab=history&tabPage=3', keys)).toEqual({ tab: 'history', page: 3 })
    expect(readTabState('?tab=Invoice', keys)).toEqual({ tab: 'Invoice', page: 1 })
    expect(readTabState('?tab=secrets&tabPage=-2', keys)).toEqual({ tab: 'details', page: 1 })
    expect(readTabState('?tab=notes&tabPage=1.5', keys)).toEqual({ tab: 'notes', page: 1 })
  })

  test('writes it back keeping the other parameters; defaults are left out; it reads back the same', () => {
    expect(tabSearch('?refresh=true', { tab: 'contracts', page: 2 }, keys)).toBe(
      '?refresh=true&tab=contracts&tabPage=2',
    )
    expect(tabSearch('?tab=contracts&tabPage=2', { tab: 'details', page: 1 }, keys)).toBe('')
    for (const tab of keys) {
      for (const page of [1, 4]) {
        expect(readTabState(tabSearch('?x=1', { tab, page }, keys), keys)).toEqual({ tab, page })
      }
    }
  })

  test('paging of the API: whole numbers, page from 1, size 1 to 100', () => {
    expect(readPaging({})).toEqual({ page: 1, perPage: 20 })
    expect(readPaging({ page: '3', perPage: '100' })).toEqual({ page: 3, perPage: 100 })
    expect(readPaging({ page: '0' })).toEqual({ error: 'badPage' })
    expect(readPaging({ page: '2.5' })).toEqual({ error: 'badPage' })
    expect(readPaging({ page: ['1', '2'] })).toEqual({ error: 'badPage' })
    expect(readPaging({ perPage: '101' })).toEqual({ error: 'badPerPage' })
    expect(readPaging({ perPage: '0' })).toEqual({ error: 'badPerPage' })
    expect([pageCount(0, 20), pageCount(20, 20), pageCount(21, 20)]).toEqual([1, 1, 2])
  })

  test('dates and periods in the panel’s language', () => {
    // A calendar day stays that day whatever the time zone.
    expect(formatDate('2026-03-01', 'fr', false)).toBe('01/03/2026')
    expect(formatDate('2026-03-01T10:05:00.000Z', 'en')).toMatch(/^3\/1\/26/)
    expect(formatPeriod('2026-03-01')).toBe('03/2026')
    expect(formatValue('2026-03-01', 'fr')).toBe('01/03/2026')
    expect(formatValue('FA-2026-00001', 'fr')).toBe('FA-2026-00001')
  })
})

describe('the payment methods tab', () => {
  const card = { id: 'pm_1', brand: 'visa', last4: '4242', expMonth: 3, expYear: 2030, isDefault: true }
  test('a failed request or an answer without payment methods is an error, not a crash', () => {
    expect(paymentMethodsView(null)).toEqual({ state: 'error', message: 'failed' })
    expect(paymentMethodsView({})).toEqual({ state: 'error', message: 'failed' })
  })
  test('Stripe not configured, no customer, Stripe errors, nothing saved', () => {
    expect(paymentMethodsView({ paymentMethods: { configured: false, items: [] } }).state).toBe(
      'notConfigured',
    )
    expect(
      paymentMethodsView({ paymentMethods: { configured: true, items: [], error: 'noCustomer' } }).state,
    ).toBe('noCustomer')
    expect(
      paymentMethodsView({ paymentMethods: { configured: true, items: [], error: 'stripeUnavailable' } }),
    ).toEqual({ state: 'error', message: 'stripeUnavailable' })
    expect(paymentMethodsView({ paymentMethods: { configured: true, items: [] } }).state).toBe('empty')
  })
  test('cards: brand, masked number, MM/YYYY, default; detach only when allowed', () => {
    const view = paymentMethodsView({ paymentMethods: { configured: true, items: [card] }, canDetach: false })
    expect(view).toEqual({
      state: 'list',
      canDetach: false,
      items: [
        { id: 'pm_1', brand: 'Visa', last4: '4242', number: '•••• 4242', expiry: '03/2030', isDefault: true },
      ],
    })
    const allowed = paymentMethodsView({
      paymentMethods: { configured: true, items: [card] },
      canDetach: true,
    })
    expect(allowed.state === 'list' && allowed.canDetach).toBe(true)
  })
})

describe('status badges', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  test('green active, yellow pending and suspended, red banned, grey deleted; readable (WCAG AA)', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
      if (Math.max(r, g, b) - Math.min(r, g, b) < 30) return 'grey'
      if (r > 200 && g > 180 && b < 120) return 'yellow'
      if (g > r && g > b) return 'green'
      if (r > g && r > b) return 'red'
      return 'other'
    }
    expect(Object.fromEntries(CLIENT_STATUSES.map((s) => [s, hue(clientStatusStyle(s).bg)]))).toEqual({
      active: 'green',
      pending: 'yellow',
      suspended: 'yellow',
      banned: 'red',
      deleted: 'grey',
    })
    for (const { bg, color } of Object.values(CLIENT_STATUS_STYLE)) {
      const [hi, lo] = [luminance(bg), luminance(color)].sort((a, b) => b - a)
      expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(4.5)
    }
    expect(clientStatusStyle('unknown')).toEqual(clientStatusStyle(undefined))
  })
  test('every status has its label and the legend its texts, in French and English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const client = (
        translations[lang].resources as Record<string, { labels: { status: Record<string, string> } }>
      ).Client
      for (const status of CLIENT_STATUSES) expect(client.labels.status[status]).toBeTruthy()
      const legend = (translations[lang].components as Record<string, Record<string, string>>)
        .ClientStatusLegend
      expect(legend.title).toBeTruthy()
    }
  })
})

describe('action form extras', () => {
  test('the strength meter: empty, weak under 10 characters, runs and repeats count little, variety counts', () => {
    expect(passwordStrength('').level).toBe('empty')
    expect(passwordStrength('abc').score).toBeLessThanOrEqual(2)
    expect(passwordStrength('Tr0ub4d&3').score).toBeLessThanOrEqual(2)
    expect(passwordStrength('aaaaaaaaaaaa').level).toBe('weak')
    expect(passwordStrength('1234567890ab').level).toBe('weak')
    expect(passwordStrength('correct horse battery staple').score).toBeGreaterThanOrEqual(3)
    expect(passwordStrength('Vx7#qL2!mZ9$wK4@').level).toBe('strong')
  })
  test('the resulting balance: added as the server reads amounts, or nothing when unreadable', () => {
    expect(resultingBalance('100.00', '-12,50')).toBe('87.50')
    expect(resultingBalance('10', '1 234,5')).toBe('1244.50')
    expect(resultingBalance('-5.25', '+5.25')).toBe('0.00')
    expect(resultingBalance('0', '-0.05')).toBe('-0.05')
    expect(resultingBalance('100', '12.505')).toBeNull()
    expect(resultingBalance('100', 'abc')).toBeNull()
    expect(resultingBalance('100', '0')).toBeNull()
  })
})

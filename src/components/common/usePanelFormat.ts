import { useTranslation } from 'adminjs'
import {
  CURRENCY_ENV,
  DEFAULT_CURRENCY,
  countryName,
  formatCount,
  formatMoney,
  formatPhone,
  isCurrencyCode,
} from '../../shared/displayFormat.js'
import { formatDate } from '../../shared/clientPageTabs.js'

/** The panel's currency, from the bundle's env (`adminOptions.env`), EUR when the host set none. */
function panelCurrency(): string {
  const env = (globalThis as { AdminJS?: { env?: Record<string, unknown> } }).AdminJS?.env
  const currency = env?.[CURRENCY_ENV]
  return isCurrencyCode(currency) ? currency : DEFAULT_CURRENCY
}

/** Money, counts, dates, phones and countries in the panel's language and currency. */
export function usePanelFormat() {
  const { i18n } = useTranslation()
  const language = i18n.language
  const currency = panelCurrency()
  return {
    language,
    currency,
    money: (value: unknown) => formatMoney(value, language, currency),
    count: (value: number) => formatCount(value, language),
    date: (value: unknown, withTime = true) => formatDate(value, language, withTime),
    phone: formatPhone,
    country: (code: unknown) => countryName(code, language),
  }
}

export type PanelFormat = ReturnType<typeof usePanelFormat>

// English strings of the admin's screens: the client page and its tabs, the status legend, the
// form extras (preview, strength meter, resulting balance) and the dashboard.
export const enScreens = {
  messages: {
    unknownTab: 'This tab does not exist.',
    badPage: 'The page must be a whole number from 1.',
    badPerPage: 'The page size must be a whole number from 1 to 100.',
    hostTabUnknownResource: 'The resource of this tab is not in the panel.',
    hostTabBadKey: 'The tab’s foreign key must be a reference or a number property of its resource.',
  },
  components: {
    // AdminJS's language menu names every language but French.
    LanguageSelector: { availableLanguages: { fr: 'French', en: 'English' } },
    ClientStatusLegend: {
      title: 'Statuses:',
      filterBy: 'Show the clients “{{status}}”',
    },
    ClientShow: {
      clientNumber: 'Client no. {{number}}',
      balance: 'Balance',
      lastLogin: 'Last login',
      never: 'Never',
      fromIp: 'from {{ip}}',
      email: 'Email',
      emailConfirmed: 'Confirmed',
      emailNotConfirmed: 'Not confirmed',
      twoFactor: 'Two-factor',
      twoFactorOn: 'On',
      twoFactorOff: 'Off',
      tabs: {
        details: 'Details',
        contracts: 'Contracts',
        commissions: 'Commissions',
        advisors: 'Advisors',
        emails: 'Emails',
        paymentMethods: 'Payment methods',
        history: 'Action history',
        notes: 'Notes',
      },
      sections: {
        identity: 'Identity',
        address: 'Address',
        account: 'Account',
      },
      loading: 'Loading…',
      error: 'This tab could not be loaded.',
      retry: 'Try again',
      empty: {
        contracts: 'No contract.',
        commissions: 'No commission.',
        advisors: 'No advisor: no referent and no contract.',
        emails: 'No email yet.',
        history: 'No action yet.',
        notes: 'No note yet.',
        host: 'Nothing here for this client.',
      },
      pageOf: 'Page {{page}} of {{pages}} ({{total}} in all)',
      previous: 'Previous',
      next: 'Next',
      total: 'Total of all commissions: {{total}}',
      referent: 'Referent',
      ofContract: 'Contract advisor',
      inactive: 'inactive',
      changes: '{{field}}: {{from}} → {{to}}',
      openBody: 'Read the email',
      resendEmail: 'Send again',
      noteBody: 'New note',
      addNote: 'Add the note',
      none: '—',
    },
    PaymentMethods: {
      notConfigured: 'Stripe is not configured: payment methods cannot be shown.',
      noCustomer: 'This client has no Stripe customer yet.',
      stripeUnavailable: 'Stripe cannot be reached right now: try again later.',
      stripeError: 'Stripe answered with an error.',
      failed: 'The payment methods could not be loaded.',
      empty: 'No payment method saved.',
      brand: 'Card',
      number: 'Number',
      expiry: 'Expires',
      default: 'Default',
      isDefault: 'Default',
      detach: 'Detach',
      confirmDetach: 'Detach the card ending in {{last4}} from this client? It can no longer be charged.',
      cancel: 'Cancel',
    },
    ActionFormExtras: {
      preview: 'Preview',
      previewEmpty: 'Write a subject and a message to see the email.',
      strength: 'Strength: {{label}}',
      strengthLevels: {
        empty: 'none',
        veryWeak: 'very weak',
        weak: 'weak',
        fair: 'fair',
        strong: 'strong',
      },
      strengthHint: 'At least 10 characters; the server also rejects passwords that are easy to guess.',
      currentBalance: 'Current balance: {{balance}}',
      resultingBalance: 'Balance after: {{balance}}',
      amountUnreadable: 'Enter an amount to see the resulting balance.',
    },
    ClientDashboard: {
      title: 'Clients at a glance',
      loading: 'Loading…',
      error: 'The dashboard could not be loaded.',
      byStatus: 'Clients by status',
      newThisMonth: 'New this month',
      awaitingConfirmation: 'Awaiting confirmation',
      latestActions: 'Latest actions',
      date: 'Date',
      client: 'Client',
      action: 'Action',
      by: 'By',
      noActions: 'No action yet.',
    },
  },
}

export type ScreensTranslation = typeof enScreens

type Tree = { [key: string]: unknown }

/** The plugin's strings with the screens' added in (two levels: `messages`, `components`). */
export function withScreens<T extends { messages: object; components: object }>(
  base: T,
  screens: ScreensTranslation,
): T & ScreensTranslation {
  return {
    ...base,
    messages: { ...(base.messages as Tree), ...screens.messages },
    components: { ...(base.components as Tree), ...screens.components },
  } as T & ScreensTranslation
}

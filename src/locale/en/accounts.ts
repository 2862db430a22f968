// English strings of client accounts and security settings, merged in ../index.ts.
export const enAccounts = {
  labels: { SecuritySettings: 'Security settings' },
  actions: { securitySettings: 'Security settings' },
  messages: {
    settingsSaved_one: 'Settings saved: 1 change.',
    settingsSaved_other: 'Settings saved: {{count}} changes.',
    settingsUnchanged: 'Nothing to save: the settings are unchanged.',
    invalidChoice: 'Choose one of the values offered.',
    invalidWholeNumber: 'Enter a whole number.',
    outOfRange: 'This value is outside the allowed range.',
    wrongPassword: 'The password is not right.',
    invalidTotpCode: 'This code is not valid: enter the 6 digits your app shows now, or a recovery code.',
    paymentMethodDetached: 'Card {{brand}} •••• {{last4}} detached at Stripe.',
    paymentMethods: {
      stripeUnavailable: 'Stripe cannot be reached right now: try again in a moment.',
      stripeError: 'Stripe refused the request.',
      noCustomer: 'This client has no Stripe customer (or it was deleted at Stripe).',
    },
    // What the client area shows to the client.
    accounts: {
      invalidCredentials: 'The email or the password is not right.',
      throttled: 'Too many failed attempts: try again in a few minutes.',
      unconfirmed: 'Confirm your email address first: follow the link in the email we sent you.',
      suspended: 'Your account is suspended. Contact us to have it reactivated.',
      banned: 'Your account is closed.',
      deleted: 'This account no longer exists.',
      totpRequired: 'Enter the code from your authenticator app.',
      invalidTotp: 'This code is not valid.',
      passwordUnusable: 'Your password must be reset: use "Forgot your password?".',
      tokenInvalid: 'This link is not valid or has already been used.',
      tokenExpired: 'This link has expired: ask for a new one.',
      accountClosed: 'This account is closed.',
      twoFactorAlreadyOn: 'Two-factor authentication is already on.',
      twoFactorNotStarted: 'Start two-factor authentication again: no code was expected.',
      twoFactorOff: 'Two-factor authentication is not on.',
      notFound: 'This account does not exist.',
      rateLimited: 'Too many requests: try again a little later.',
    },
  },
  components: {
    SecuritySettings: {
      title: 'Security settings',
      loadFailed: 'The settings could not be loaded.',
      save: 'Save',
      range: 'From {{min}} to {{max}}.',
      on: 'on',
      off: 'off',
      sections: {
        registration: 'Registration',
        hashing: 'Password hashing',
        tokens: 'Email links',
        throttle: 'Login throttling',
        hashReport: 'Hash report',
        history: 'Changes',
      },
      fields: {
        autoConfirmRegistration: 'Confirm new registrations automatically',
        hashingDriver: 'Hashing driver',
        bcryptCost: 'bcrypt cost',
        argon2MemoryCost: 'argon2 memory (KiB)',
        argon2TimeCost: 'argon2 passes',
        confirmationHours: 'Confirmation link lifetime (hours)',
        passwordResetMinutes: 'Password reset link lifetime (minutes)',
        maxFailedLogins: 'Failed logins before throttling',
        throttleMinutes: 'Throttling duration (minutes)',
        // The retention setting's history key is `gdpr.retentionMonths` (services/gdpr/retention.ts).
        gdpr: { retentionMonths: 'Anonymisation of inactive clients (months)' },
      },
      help: {
        autoConfirmRegistration: 'New clients are active at once, without the confirmation email.',
        hashingDriver:
          'New passwords use it; existing ones are rehashed with it at their next successful login.',
      },
      hashReportIntro:
        'How client passwords are stored. Nothing is changed here: each is rehashed to {{driver}} at its next successful login.',
      report: {
        format: 'Format',
        count: 'Clients',
        current: 'Up to date',
        atNextLogin: 'Rehashed at next login',
        empty: 'No clients yet.',
        total: 'Clients in all: {{total}}.',
      },
      formats: {
        argon2id: 'argon2id',
        argon2i: 'argon2i',
        argon2d: 'argon2d',
        bcrypt: 'bcrypt (2a, 2b, 2y)',
        unknown: 'Unreadable (must reset)',
        none: 'No password',
      },
      history: {
        when: 'When',
        who: 'Who',
        ip: 'IP',
        changes: 'Changes',
        empty: 'No change yet: the defaults of the installation apply.',
      },
    },
  },
  resources: {
    ClientEvent: { labels: { type: { payment_method_detached: 'Payment method detached' } } },
    SecuritySettings: {
      properties: { id: 'ID', actor: 'By', ip: 'IP', changes: 'Changes', createdAt: 'When' },
    },
    Client: {
      properties: {
        twoFactorLastStep: 'Last 2FA code step',
        sessionGeneration: 'Session generation',
      },
    },
  },
}

export type AccountsTranslation = typeof enAccounts

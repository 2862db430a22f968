// English strings of marketing consent and campaigns (issue 29), merged in ../index.ts.
export const enCampaigns = {
  actions: {
    marketingConsent: 'Marketing consent',
  },
  messages: {
    marketingConsentSaved: 'Marketing consent saved.',
    forms: {
      marketingConsent: {
        intro:
          'Does this client agree to receive our campaigns? Account and service emails are sent whatever the answer.',
        consent: 'Consent',
        submit: 'Save',
      },
    },
  },
  resources: {
    Client: {
      properties: {
        marketingConsent: 'Marketing consent',
        marketingConsentAt: 'Consent changed on',
        marketingConsentSource: 'Consent given through',
        consent: 'Consent',
      },
      labels: {
        marketingConsent: { in: 'Opted in', out: 'Opted out', unknown: 'Never asked' },
        consent: { in: 'Opted in', out: 'Opted out' },
        marketingConsentSource: {
          panel: 'The panel',
          client_area: 'The client area',
          unsubscribe: 'An unsubscribe link',
          import: 'An import',
        },
      },
    },
    ClientEvent: {
      labels: {
        type: { marketing_consent_changed: 'Marketing consent changed', campaign_sent: 'Campaign sent' },
      },
    },
  },
}

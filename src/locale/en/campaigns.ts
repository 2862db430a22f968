// English strings of marketing consent and campaigns (issue 29), merged in ../index.ts.
export const enCampaigns = {
  actions: {
    marketingConsent: 'Marketing consent',
  },
  messages: {
    marketingConsentSaved: 'Marketing consent saved.',
    campaignStarted: 'this campaign has started: it can no longer be changed',
    campaignWrongStatus: 'this campaign is not in a state this applies to',
    campaignNotConfigured:
      'campaigns are not configured: the host must set the options campaigns.unsubscribeUrl and campaigns.secret',
    campaignBadSegment: 'The segment is not a client list query this panel knows.',
    campaignDeletedSegment: 'Deleted clients are never mailed: choose another status.',
    campaignBadName: 'A name of 120 characters at most, without control characters.',
    campaignBadThrottle: 'A whole number of emails per minute, from 1 to 100,000.',
    campaignNoMessage: 'Write the message in one language at least, or choose a message template.',
    campaignUnsubscribeFooter: 'To stop receiving our campaigns: {{link}}',
    campaignUnsubscribe: {
      invalidTitle: 'This link is not valid',
      invalidBody:
        'This unsubscribe link is not valid: it may have been cut or changed. Use the link of the email you received.',
      confirmTitle: 'Unsubscribe',
      confirmBody: 'Stop receiving our campaigns? Emails about your account keep coming.',
      button: 'Unsubscribe',
      doneTitle: 'You are unsubscribed',
      doneBody: 'You will not receive our campaigns any more. Emails about your account keep coming.',
      alreadyTitle: 'Already unsubscribed',
      alreadyBody: 'You had already unsubscribed from our campaigns: nothing changed.',
    },
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
    EmailLog: { properties: { campaignId: 'Campaign' } },
    ClientEvent: {
      labels: {
        type: { marketing_consent_changed: 'Marketing consent changed', campaign_sent: 'Campaign sent' },
      },
    },
  },
}

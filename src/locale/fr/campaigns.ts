import type { enCampaigns } from '../en/campaigns.js'

// Le consentement marketing et les campagnes (issue 29), fusionnés dans ../index.ts.
export const frCampaigns: typeof enCampaigns = {
  actions: {
    marketingConsent: 'Consentement marketing',
  },
  messages: {
    marketingConsentSaved: 'Consentement marketing enregistré.',
    forms: {
      marketingConsent: {
        intro:
          'Ce client accepte-t-il de recevoir nos campagnes ? Les e-mails de compte et de service partent quelle que soit la réponse.',
        consent: 'Consentement',
        submit: 'Enregistrer',
      },
    },
  },
  resources: {
    Client: {
      properties: {
        marketingConsent: 'Consentement marketing',
        marketingConsentAt: 'Consentement modifié le',
        marketingConsentSource: 'Consentement donné par',
        consent: 'Consentement',
      },
      labels: {
        marketingConsent: { in: 'Accepté', out: 'Refusé', unknown: 'Jamais demandé' },
        consent: { in: 'Accepté', out: 'Refusé' },
        marketingConsentSource: {
          panel: 'Le panneau',
          client_area: 'L’espace client',
          unsubscribe: 'Un lien de désinscription',
          import: 'Un import',
        },
      },
    },
    ClientEvent: {
      labels: {
        type: {
          marketing_consent_changed: 'Consentement marketing modifié',
          campaign_sent: 'Campagne envoyée',
        },
      },
    },
  },
}

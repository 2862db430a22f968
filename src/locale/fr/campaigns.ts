import type { enCampaigns } from '../en/campaigns.js'

// Le consentement marketing et les campagnes (issue 29), fusionnés dans ../index.ts.
export const frCampaigns: typeof enCampaigns = {
  actions: {
    marketingConsent: 'Consentement marketing',
  },
  messages: {
    marketingConsentSaved: 'Consentement marketing enregistré.',
    campaignStarted: 'cette campagne a commencé : elle ne peut plus être modifiée',
    campaignWrongStatus: 'cette campagne n’est pas dans un état auquel cela s’applique',
    campaignNotConfigured:
      'les campagnes ne sont pas configurées : l’hôte doit fixer les options campaigns.unsubscribeUrl et campaigns.secret',
    campaignBadSegment: 'Le segment n’est pas une requête de la liste des clients que ce panneau connaît.',
    campaignDeletedSegment:
      'Les clients supprimés ne reçoivent jamais d’e-mail : choisissez un autre statut.',
    campaignBadName: 'Un nom de 120 caractères au plus, sans caractère de contrôle.',
    campaignBadThrottle: 'Un nombre entier d’e-mails par minute, de 1 à 100 000.',
    campaignNoMessage: 'Écrivez le message dans une langue au moins, ou choisissez un modèle de message.',
    campaignUnsubscribeFooter: 'Pour ne plus recevoir nos campagnes : {{link}}',
    campaignUnsubscribe: {
      invalidTitle: 'Ce lien n’est pas valide',
      invalidBody:
        'Ce lien de désinscription n’est pas valide : il a peut-être été coupé ou modifié. Utilisez le lien de l’e-mail reçu.',
      confirmTitle: 'Désinscription',
      confirmBody:
        'Ne plus recevoir nos campagnes ? Les e-mails concernant votre compte continuent d’arriver.',
      button: 'Me désinscrire',
      doneTitle: 'Vous êtes désinscrit',
      doneBody:
        'Vous ne recevrez plus nos campagnes. Les e-mails concernant votre compte continuent d’arriver.',
      alreadyTitle: 'Déjà désinscrit',
      alreadyBody: 'Vous vous étiez déjà désinscrit de nos campagnes : rien n’a changé.',
    },
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
    EmailLog: { properties: { campaignId: 'Campagne' } },
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

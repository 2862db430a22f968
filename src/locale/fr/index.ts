import { frImportMessages, frImportPage } from './import.js'
import { frActions, frForms } from './lifecycle.js'
import { frResources } from './resources.js'
import type { PluginTranslation } from '../en/index.js'
import { withScreens } from '../en/screens.js'
import { frScreens } from './screens.js'

// Chaînes françaises du plugin, fusionnées avec la traduction française d'AdminJS dans ../index.ts.
const frOwn: PluginTranslation = {
  labels: {
    clientManagement: 'Gestion des clients',
    Client: 'Clients',
    Advisor: 'Conseillers',
    Contract: 'Contrats',
    Commission: 'Commissions',
    ClientEvent: 'Historique des actions',
    EmailLog: 'E-mails envoyés',
    ClientNote: 'Notes',
    ImportBatch: 'Imports de commissions',
  },
  messages: {
    fieldRequired: 'Ce champ est obligatoire.',
    invalidEmail: 'Saisissez une seule adresse e-mail, comme nom@exemple.fr (sans nom devant, sans liste).',
    invalidValue: 'Ce champ attend une seule valeur simple.',
    invalidCharacters: 'Cette valeur contient des caractères de contrôle, qui ne sont pas autorisés.',
    crossOriginRefused: 'Refusé : cette requête ne vient pas des pages du panneau.',
    unsupportedBody:
      'Refusé : le corps de la requête n’est ni un formulaire, ni du JSON, ni un envoi de fichier.',
    lengthRequired: 'Refusé : le corps de la requête n’annonce pas sa longueur.',
    bodyTooLarge: 'Refusé : le corps de la requête est trop volumineux.',
    routeNotFound: 'Cette page ou cette action n’existe pas.',
    badRequest: 'La requête n’a pas pu être lue.',
    serverError:
      'Une erreur est survenue sur le serveur. Réessayez ; si elle persiste, prévenez votre administrateur.',
    databaseUnavailable:
      'La base de données ne répond pas pour le moment : rien n’a été fait. Réessayez dans quelques secondes.',
    invalidRecordIds: 'La sélection n’est pas une liste de numéros d’enregistrement.',
    invalidNumber: 'Saisissez un nombre, par exemple 1234.56.',
    invalidDate: 'Saisissez une date au format AAAA-MM-JJ.',
    tooLong: 'Cette valeur est trop longue.',
    alreadyTaken: 'Un autre enregistrement utilise déjà cette valeur.',
    passwordTooShort: 'Utilisez au moins 10 caractères.',
    passwordTooLong: 'Ce mot de passe est trop long.',
    passwordTooWeak:
      'Ce mot de passe est trop facile à deviner : allongez-le, évitez les noms et les mots courants.',
    passwordsDiffer: 'Les deux mots de passe diffèrent.',
    invalidAmount: 'Saisissez un montant comme 12,50, -12,50 ou 1 234,56.',
    amountZero: 'Le montant ne doit pas être nul.',
    balanceOutOfRange: 'Le solde dépasserait ce qui peut être enregistré.',
    unknownRecord: 'Cet enregistrement n’existe pas.',
    notFound: 'ce client n’existe pas',
    notPending: 'le compte est déjà confirmé',
    notActive: 'le compte n’est pas actif',
    notSuspendedOrBanned: 'le compte n’est ni suspendu ni banni',
    alreadyBanned: 'le compte est déjà banni',
    isDeleted: 'le compte est supprimé',
    notDeleted: 'le compte n’est pas supprimé',
    noTwoFactor: 'la double authentification n’est pas activée',
    noEmail: 'le client n’a pas d’adresse e-mail',
    isBanned: 'le compte est banni',
    isAnonymised: 'le client est anonymisé : il ne peut être que supprimé, puis supprimé définitivement',
    mergeTwoClients: 'Sélectionnez exactement deux clients à fusionner, non supprimés.',
    clientsMerged:
      'Clients fusionnés : {{contracts}} contrats, {{commissions}} commissions, {{emails}} e-mails, {{notes}} notes et {{history}} entrées d’historique déplacés.',
    possibleDuplicate: 'Doublon probable.',
    possibleDuplicateNotice:
      'Ce client ressemble à un client existant : vérifiez la liste, puis enregistrez quand même s’il s’agit d’une autre personne.',
    clientRemovedForGood:
      'Client effacé et supprimé définitivement. Ses contrats, commissions et son historique restent, détachés et sans ses données personnelles.',
    // The clients' count has its own plural (i18next nesting).
    contractsChanged_one:
      '{{count}} contrat modifié ($t(messages.clientsConcerned, {"count": {{clients}} })).',
    contractsChanged_other:
      '{{count}} contrats modifiés ($t(messages.clientsConcerned, {"count": {{clients}} })).',
    clientsConcerned_one: '{{count}} client concerné',
    clientsConcerned_other: '{{count}} clients concernés',
    commissionsMarkedPaid_one:
      '{{count}} commission marquée payée ($t(messages.alreadyPaid, {"count": {{skipped}} })).',
    commissionsMarkedPaid_other:
      '{{count}} commissions marquées payées ($t(messages.alreadyPaid, {"count": {{skipped}} })).',
    unknownAdvisorCode: 'Aucun conseiller n’a ce code.',
    concurrentChange: 'Quelqu’un a modifié ce client au même moment : rien n’a été fait. Réessayez.',
    actionDoneEmailFailed:
      'C’est fait, mais l’e-mail n’a pas pu être mis en file d’attente ({{error}}). Il figure en échec dans les e-mails.',
    emailsQueued_one: '{{count}} e-mail mis en file d’attente.',
    emailsQueued_other: '{{count}} e-mails mis en file d’attente.',
    emailsFailed_one: '{{count}} e-mail n’a pas pu être mis en file d’attente ({{error}}).',
    emailsFailed_other: '{{count}} e-mails n’ont pas pu être mis en file d’attente ({{error}}).',
    bulkChanged_one: '{{count}} client modifié.{{emailsQueued}}{{emailsFailed}}',
    bulkChanged_other: '{{count}} clients modifiés.{{emailsQueued}}{{emailsFailed}}',
    bulkChangedSomeSkipped_one:
      '{{count}} client modifié, $t(messages.leftAsTheyWere, {"count": {{skipped}} }) : {{details}}.{{emailsQueued}}{{emailsFailed}}',
    bulkChangedSomeSkipped_other:
      '{{count}} clients modifiés, $t(messages.leftAsTheyWere, {"count": {{skipped}} }) : {{details}}.{{emailsQueued}}{{emailsFailed}}',
    alreadyPaid_one: '{{count}} déjà payée ou annulée',
    alreadyPaid_other: '{{count}} déjà payées ou annulées',
    leftAsTheyWere_one: '{{count}} laissé tel quel',
    leftAsTheyWere_other: '{{count}} laissés tels quels',
    // One skipped client in a notice: French puts a space before the colon.
    skippedDetail: '{{client}} : {{reason}}',
    bulkNothingChanged: 'Aucun client modifié : {{details}}.',
    confirmationSent: 'E-mail de confirmation mis en file d’attente : il part dans un instant.',
    accountConfirmed: 'Compte confirmé.',
    passwordResetSent:
      'E-mail de réinitialisation du mot de passe mis en file d’attente : il part dans un instant.',
    emailSent: 'E-mail mis en file d’attente : il part dans un instant.',
    emailRequeued: 'E-mail remis en file d’attente : il part dans un instant.',
    emailNotFailed: 'Seul un e-mail en échec peut être renvoyé.',
    emailNothingToResend: 'Cet e-mail ne peut plus être renvoyé : son contenu n’est plus conservé.',
    clientSuspended: 'Client suspendu.{{emailsQueued}}',
    clientReactivated: 'Client réactivé.{{emailsQueued}}',
    clientBanned: 'Client banni.{{emailsQueued}}',
    twoFactorRemoved: 'Double authentification retirée.',
    clientDeleted:
      'Client supprimé. Vous pouvez le restaurer depuis la liste filtrée sur le statut « Supprimé ».',
    clientRestored: 'Client restauré.',
    passwordChanged: 'Mot de passe modifié.',
    balanceChanged: 'Solde modifié.',
    noteAdded: 'Note ajoutée.',
    ...frImportMessages,
    forms: frForms,
  },
  actions: frActions,
  components: {
    ClientList: {
      searchPlaceholder: 'Nom, e-mail, n° client, téléphone, @domaine ou réf. de contrat',
      noMatch: 'Aucun client ne correspond à « {{query}} »',
      clearSearch: 'Effacer la recherche',
      search: 'Rechercher',
    },
    CommissionList: {
      loading: 'Calcul…',
      totals_one: '{{count}} commission, {{total}} au total, pour ces filtres.',
      totals_other: '{{count}} commissions, {{total}} au total, pour ces filtres.',
    },
    AdvisorShow: {
      loading: 'Chargement…',
      title: 'Portefeuille',
      clients_one: '{{count}} client (référent)',
      clients_other: '{{count}} clients (référent)',
      contracts: 'Contrats : {{list}}',
      contractsByStatus: {
        active_one: '{{count}} actif',
        active_other: '{{count}} actifs',
        suspended_one: '{{count}} suspendu',
        suspended_other: '{{count}} suspendus',
        terminated_one: '{{count}} résilié',
        terminated_other: '{{count}} résiliés',
      },
      month: 'Mois',
      count: 'Commissions',
      total: 'Total',
      noCommissions: 'Pas encore de commission.',
    },
    DuplicateCheck: {
      title: 'Probablement la même personne que :',
      saveAnyway: 'C’est une autre personne : enregistrer quand même',
      reasons: {
        sameEmail: 'même e-mail',
        samePhone: 'même téléphone',
        sameNameAndPostalCode: 'même nom et code postal',
        closeName: 'nom proche',
      },
    },
    ClientMerge: {
      title: 'Fusionner deux clients',
      intro:
        'Le client non conservé est supprimé (le filtre de statut le retrouve) et renvoie vers celui qui est gardé. Choisissez, champ par champ, la valeur qui reste.',
      field: 'Champ',
      kept: 'Garder {{number}}',
      merged: 'Y fusionner {{number}}',
      moves:
        'Contrats, commissions, e-mails, notes et historique passent au client gardé ; les soldes s’additionnent.',
      submit: 'Fusionner',
    },
    CommissionImport: frImportPage,
    ClientStatusBadge: {
      reason: 'Motif : {{reason}}',
      anonymised: 'Anonymisé',
    },
  },
  resources: frResources,
}

export const fr = withScreens(frOwn, frScreens)

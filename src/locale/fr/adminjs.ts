// French translation of AdminJS's own interface strings (AdminJS 7.8 ships none).
// Keys mirror node_modules/adminjs/lib/locale/en/translation.json.
export const adminjsFr = {
  actions: {
    new: 'Créer',
    edit: 'Modifier',
    show: 'Afficher',
    delete: 'Supprimer',
    bulkDelete: 'Tout supprimer',
    list: 'Liste',
  },
  buttons: {
    save: 'Enregistrer',
    addNewItem: 'Ajouter un élément',
    filter: 'Filtrer',
    filterActive: 'Filtrer ({{count}})',
    applyChanges: 'Appliquer les modifications',
    resetFilter: 'Réinitialiser',
    confirmRemovalMany: 'Confirmer la suppression de {{count}} enregistrement',
    confirmRemovalMany_plural: 'Confirmer la suppression de {{count}} enregistrements',
    logout: 'Se déconnecter',
    login: 'Se connecter',
    seeTheDocumentation: 'Voir : <1>la documentation</1>',
    createFirstRecord: 'Créer le premier enregistrement',
    cancel: 'Annuler',
    confirm: 'Confirmer',
    contactUs: 'Nous contacter',
  },
  components: {
    DropZone: {
      placeholder: 'Déposez votre fichier ici ou cliquez pour parcourir',
      acceptedSize: 'Taille maximale : {{maxSize}}',
      acceptedType: 'Formats acceptés : {{mimeTypes}}',
      unsupportedSize: 'Le fichier {{fileName}} est trop volumineux',
      unsupportedType: 'Le type du fichier {{fileName}} n’est pas pris en charge : {{fileType}}',
    },
    LanguageSelector: {
      availableLanguages: {
        de: 'Allemand',
        en: 'Anglais',
        es: 'Espagnol',
        it: 'Italien',
        ja: 'Japonais',
        pl: 'Polonais',
        'pt-BR': 'Portugais (Brésil)',
        ua: 'Ukrainien',
        'zh-CN': 'Chinois',
      },
    },
    Login: {
      welcomeHeader: 'Bienvenue',
      welcomeMessage:
        'sur AdminJS, le panneau d’administration open source généré automatiquement de référence ' +
        'pour vos applications Node.js, qui vous permet de gérer toutes vos données en un seul endroit',
      properties: {
        email: 'E-mail',
        password: 'Mot de passe',
      },
      loginButton: 'Se connecter',
    },
  },
  labels: {
    navigation: 'Navigation',
    pages: 'Pages',
    selectedRecords: 'Sélectionnés ({{selected}})',
    filters: 'Filtres',
    adminVersion: 'Admin : {{version}}',
    appVersion: 'Application : {{version}}',
    dashboard: 'Tableau de bord',
  },
  properties: {
    length: 'Longueur',
    from: 'De',
    to: 'À',
  },
  resources: {},
  messages: {
    successfullyBulkDeleted: '{{count}} enregistrement supprimé avec succès',
    successfullyBulkDeleted_plural: '{{count}} enregistrements supprimés avec succès',
    successfullyDeleted: 'L’enregistrement a bien été supprimé',
    successfullyUpdated: 'L’enregistrement a bien été mis à jour',
    thereWereValidationErrors: 'Le formulaire contient des erreurs de validation : vérifiez-les ci-dessous',
    forbiddenError: 'Vous ne pouvez pas effectuer l’action {{actionName}} sur {{resourceId}}',
    anyForbiddenError: 'Vous ne pouvez pas effectuer cette action',
    successfullyCreated: 'Le nouvel enregistrement a bien été créé',
    bulkDeleteError:
      'Une erreur est survenue lors de la suppression des enregistrements. ' +
      'Consultez la console pour plus d’informations',
    errorFetchingRecords:
      'Une erreur est survenue lors de la récupération des enregistrements. ' +
      'Consultez la console pour plus d’informations',
    errorFetchingRecord:
      'Une erreur est survenue lors de la récupération de l’enregistrement. ' +
      'Consultez la console pour plus d’informations',
    noRecordsSelected: 'Vous n’avez sélectionné aucun enregistrement',
    theseRecordsWillBeRemoved: 'L’enregistrement suivant sera supprimé',
    theseRecordsWillBeRemoved_plural: 'Les enregistrements suivants seront supprimés',
    pickSomeFirstToRemove: 'Pour supprimer des enregistrements, vous devez d’abord les sélectionner',
    error404Resource: 'La ressource d’identifiant {{resourceId}} est introuvable',
    error404Action:
      'La ressource d’identifiant {{resourceId}} n’a pas d’action nommée {{actionName}} ' +
      'ou vous n’êtes pas autorisé à l’utiliser !',
    error404Record:
      'La ressource d’identifiant {{resourceId}} n’a pas d’enregistrement d’identifiant {{recordId}} ' +
      'ou vous n’êtes pas autorisé à y accéder !',
    seeConsoleForMore: 'Consultez la console de développement pour plus de détails...',
    noActionComponent: 'Vous devez implémenter un composant d’action pour votre action',
    noRecordsInResource: 'Cette ressource ne contient aucun enregistrement',
    noRecords: 'Aucun enregistrement',
    confirmDelete: 'Voulez-vous vraiment supprimer cet élément ?',
    welcomeOnBoard_title: 'Bienvenue à bord !',
    welcomeOnBoard_subtitle:
      'Vous faites désormais partie des nôtres ! Voici quelques conseils pour bien démarrer :',
    addingResources_title: 'Ajouter des ressources',
    addingResources_subtitle: 'Découvrez comment ajouter de nouvelles ressources à la barre latérale',
    customizeResources_title: 'Personnaliser les ressources',
    customizeResources_subtitle: 'Définissez le comportement, les propriétés et bien plus encore...',
    customizeActions_title: 'Personnaliser les actions',
    customizeActions_subtitle: 'Modifiez les actions existantes ou ajoutez les vôtres',
    writeOwnComponents_title: 'Écrire des composants',
    writeOwnComponents_subtitle: 'Comment modifier l’apparence et l’ergonomie d’AdminJS',
    customDashboard_title: 'Tableau de bord personnalisé',
    customDashboard_subtitle: 'Découvrez comment personnaliser l’écran d’accueil d’AdminJS',
    roleBasedAccess_title: 'Contrôle d’accès basé sur les rôles',
    roleBasedAccess_subtitle: 'Définissez les droits d’accès de vos utilisateurs AdminJS',
    community_title: 'Rejoignez la communauté Discord',
    community_subtitle: 'Échangez avec les créateurs d’AdminJS et les autres utilisateurs d’AdminJS',
    foundBug_title: 'Vous avez trouvé un bug ? Besoin d’une amélioration ?',
    foundBug_subtitle: 'Ouvrez un ticket sur notre dépôt GitHub',
    needMoreSolutions_title: 'Besoin de solutions plus avancées ?',
    needMoreSolutions_subtitle:
      'Nous sommes là pour vous proposer un beau design UX/UI et des logiciels sur mesure ' +
      'basés (entre autres) sur AdminJS',
    invalidCredentials: 'Adresse e-mail ou mot de passe incorrect',
    keyPlaceholder: 'CLÉ',
    valuePlaceholder: 'VALEUR',
    initialKey: 'Clé-{{number}}',
    keyInUse: 'Les clés de l’objet doivent être uniques',
    keyValuePropertyDefaultDescription:
      'Toutes les valeurs sont stockées sous forme de texte. ' +
      'Les clés doivent être uniques : les clés en double ne seront pas enregistrées.',
    pageNotFound_title: 'Page introuvable',
    pageNotFound_subtitle: 'La page <strong>« {{pageName}} »</strong> n’existe pas',
    componentNotFound_title: 'Aucun composant spécifié',
    componentNotFound_subtitle: 'Vous devez spécifier le composant qui affichera cet élément',
  },
}

// English strings of the tags (issue 28), merged in ../index.ts.
export const enTags = {
  labels: { Tag: 'Tags' },
  actions: {
    addTags: 'Add tags',
    removeTags: 'Remove tags',
    bulkAddTags: 'Add tags',
    bulkRemoveTags: 'Remove tags',
  },
  messages: {
    tagsAdded: 'Tags added.',
    tagsRemoved: 'Tags removed.',
    tagNameRequired: 'Give the tag a name.',
    tagNameTooLong: 'A tag’s name has 40 characters at most.',
    tagNameInvalid: 'A tag’s name cannot hold a comma or control characters.',
    tagNameTaken: 'A tag of this name already exists (whatever its case).',
    tagColourInvalid: 'Choose a colour of the list.',
    tooManyTags: 'At most 20 tags at once.',
    unknownTag: 'No tag has this name.',
    tagsRequired: 'Name at least one tag.',
    forms: {
      addTags: {
        intro: 'Tags to put on this client, separated by commas. A name no tag has yet creates it.',
        bulkIntro:
          'Tags to put on the {{count}} selected clients, separated by commas. A name no tag has yet creates it.',
        tags: 'Tags',
        submit: 'Add the tags',
      },
      removeTags: {
        intro: 'Tags to take off this client, separated by commas.',
        bulkIntro: 'Tags to take off the {{count}} selected clients, separated by commas.',
        tags: 'Tags',
        submit: 'Remove the tags',
      },
    },
  },
  resources: {
    Tag: {
      properties: {
        id: 'ID',
        name: 'Name',
        nameKey: 'Name key (lower case)',
        colour: 'Colour',
        createdAt: 'Created on',
        createdBy: 'Created by',
      },
      labels: {
        colour: {
          grey: 'Grey',
          red: 'Red',
          orange: 'Orange',
          green: 'Green',
          teal: 'Teal',
          blue: 'Blue',
          indigo: 'Indigo',
          purple: 'Purple',
          pink: 'Pink',
          brown: 'Brown',
        },
      },
    },
    Client: {
      properties: { tags: 'Tags', tagMode: 'Tags to match' },
      labels: { tagMode: { any: 'Any of them', all: 'All of them', none: 'None of them' } },
    },
    ClientEvent: { labels: { type: { tags_changed: 'Tags changed' } } },
  },
  components: {
    ClientTagPicker: {
      none: 'No tags',
      add: 'Add a tag',
      addButton: 'Add',
      remove: 'Remove the tag {{name}}',
    },
  },
}

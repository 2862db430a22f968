import React from 'react'
import { useTranslation, type ActionHeaderProps } from 'adminjs'
import { clientTitleParts, literal, titleKey } from './clientTitles.js'
import { resourceId } from './resourceId.js'

type Props = ActionHeaderProps & { OriginalComponent?: React.ComponentType<ActionHeaderProps> }

/**
 * AdminJS's action header (overridden once for the panel) with real titles on the Client pages:
 * "Clients" on the list, the client's name and number on its page, the action and the client
 * in each drawer. Every other resource keeps AdminJS's header as it is.
 */
const ClientActionHeader: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { i18n, translateAction, translateComponent } = useTranslation()
  if (!OriginalComponent) return null
  const { resource, action, record } = props
  if (resource.id !== resourceId('Client') || !action) return <OriginalComponent {...props} />

  let title: string | null = null
  if (action.name === 'list') title = translateComponent('ClientTitles.list', resourceId('Client'))
  else if (record) {
    const parts = clientTitleParts(record.params)
    title =
      action.name === 'show'
        ? translateComponent('ClientTitles.record', resourceId('Client'), parts)
        : translateComponent('ClientTitles.action', resourceId('Client'), {
            ...parts,
            action: translateAction(action.label, resource.id),
          })
  }
  if (!title) return <OriginalComponent {...props} />
  const key = titleKey(action.name, record?.id)
  i18n.addResource(i18n.language, 'translation', `resources.Client.actions.${key}`, literal(title))
  return <OriginalComponent {...props} action={{ ...action, label: key }} />
}

export default ClientActionHeader

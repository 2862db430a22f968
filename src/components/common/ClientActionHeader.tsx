import React from 'react'
import { useTranslation, type ActionHeaderProps } from 'adminjs'
import { clientPageTitle } from './clientTitles.js'
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
  // Keys from the resource's own id (`CrmClient` under a prefix), never from the plain name.
  const page = clientPageTitle({ translateAction, translateComponent }, resource.id, action, record)
  if (!page) return <OriginalComponent {...props} />
  i18n.addResource(i18n.language, 'translation', page.path, page.title)
  return <OriginalComponent {...props} action={{ ...action, label: page.label }} />
}

export default ClientActionHeader

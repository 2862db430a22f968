import React from 'react'
import { useTranslation, type ActionHeaderProps } from 'adminjs'
import { clientPageTitle, listPageTitle } from './clientTitles.js'
import { resourceId } from './resourceId.js'

type Props = ActionHeaderProps & { OriginalComponent?: React.ComponentType<ActionHeaderProps> }

/**
 * AdminJS's action header (overridden once for the panel) with real titles: every list is titled
 * by its resource's name ("Contrats", not AdminJS's "Liste"); on the Client pages, the client's
 * name and number on its page, the action and the client in each drawer.
 */
const ClientActionHeader: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { i18n, translateAction, translateComponent, translateLabel } = useTranslation()
  if (!OriginalComponent) return null
  const { resource, action, record } = props
  if (!action) return <OriginalComponent {...props} />
  // Keys from the resource's own id (`CrmClient` under a prefix), never from the plain name.
  const page =
    resource.id === resourceId('Client')
      ? clientPageTitle({ translateAction, translateComponent }, resource.id, action, record)
      : listPageTitle(
          resource.id,
          action,
          translateLabel(resource.id, resource.id),
          // A record's page is titled by its title only where the resource names one (no guess).
          resource.titleProperty?.isTitle ? record : undefined,
        )
  if (!page) return <OriginalComponent {...props} />
  i18n.addResource(i18n.language, 'translation', page.path, page.title)
  return <OriginalComponent {...props} action={{ ...action, label: page.label }} />
}

export default ClientActionHeader

import React from 'react'
import { Box, H3 } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import BulkDrawerFrame from './BulkDrawerFrame.js'

type Props = ActionProps & { OriginalComponent?: React.ComponentType<ActionProps> }

/**
 * AdminJS's bulk delete (overridden once for the panel): its own confirmation, in a drawer that
 * closes by its button, Escape or a click beside it, back to the list (AdminJS's bare drawer did not
 * close by Escape). Its title is ours: AdminJS's drawer header adds a back link with no name
 * (axe: link-name, serious), which the close button replaces.
 */
const FramedBulkDelete: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { translateAction } = useTranslation()
  if (!OriginalComponent) return null
  const title = translateAction(props.action.label, props.resource.id)
  return (
    <BulkDrawerFrame title={title} resourceId={props.resource.id}>
      <Box px="xxl">
        <H3 mb="default" data-testid="action-title">
          {title}
        </H3>
      </Box>
      <OriginalComponent {...props} action={{ ...props.action, showInDrawer: false }} />
    </BulkDrawerFrame>
  )
}

export default FramedBulkDelete

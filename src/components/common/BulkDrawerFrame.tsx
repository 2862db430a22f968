import React from 'react'
import { useLocation, useNavigate } from 'react-router'
import { ViewHelpers } from 'adminjs'
import DrawerFrame from './DrawerFrame.js'

const h = new ViewHelpers()

/**
 * DrawerFrame around a bulk action's form, or a resource action's in a drawer (the list's export):
 * AdminJS's route shows the list behind it; closing goes back to that list, its filters kept, the
 * selection dropped.
 */
const BulkDrawerFrame: React.FC<{ title: string; resourceId: string; children: React.ReactNode }> = ({
  title,
  resourceId,
  children,
}) => {
  const navigate = useNavigate()
  const location = useLocation()
  const close = () => {
    const search = new URLSearchParams(location.search)
    search.delete('recordIds')
    const rest = search.toString()
    navigate({ pathname: h.resourceUrl({ resourceId }), search: rest ? `?${rest}` : '' })
  }
  return (
    <DrawerFrame title={title} onClose={close}>
      {children}
    </DrawerFrame>
  )
}

export default BulkDrawerFrame

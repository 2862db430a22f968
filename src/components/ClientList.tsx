import React from 'react'
import { useLocation } from 'react-router'
import { OriginalList, type ActionProps } from 'adminjs'

/**
 * AdminJS's list, with its total marked `≈` when it is an estimate: the server estimates the
 * total only when no filter is set and no exact count was asked for (services/clientList.ts).
 */
const ClientList: React.FC<ActionProps> = (props) => {
  const location = useLocation()
  const params = new URLSearchParams(location.search)
  const estimated = ![...params.keys()].some((key) => key.startsWith('filters.')) && !params.get('exactCount')
  const { setTag } = props
  const markedTag = setTag ? (tag: string) => setTag(estimated ? `≈ ${tag}` : tag) : undefined
  // OriginalList types setTag as React's state setter; it only ever passes a string.
  return <OriginalList {...props} setTag={markedTag as ActionProps['setTag'] as never} />
}

export default ClientList

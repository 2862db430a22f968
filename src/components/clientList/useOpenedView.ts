import { useEffect } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useNotice, useTranslation } from 'adminjs'
import { viewSearch } from '../../shared/savedViews.js'
import { useSavedViews, type SavedViewsState } from './useSavedViews.js'

/**
 * The saved views of a list (clients, contracts, commissions) and the one its URL opens: the list
 * opened bare takes the admin's default view; a link `?view=<id>` alone (sent by someone) opens
 * that view with its parameters; a view that does not exist or is private says so and shows the
 * whole list. `waiting`: a link to a view waits for it before the rows are read.
 */
export function useOpenedView(resourceId: string): { views: SavedViewsState; waiting: boolean } {
  const { translateComponent } = useTranslation()
  const addNotice = useNotice()
  const location = useLocation()
  const navigate = useNavigate()
  const params = new URLSearchParams(location.search)
  const viewParam = params.get('view')
  const bare = [...params.keys()].length === 0
  const onlyView = viewParam !== null && /^\d+$/.test(viewParam) && [...params.keys()].length === 1
  const views = useSavedViews(resourceId, onlyView ? viewParam : null)
  const target = views.loading
    ? undefined
    : bare
      ? views.views.find((v) => v.id === views.defaultViewId)
      : onlyView
        ? (views.views.find((v) => String(v.id) === viewParam) ?? null)
        : undefined
  useEffect(() => {
    if (target) navigate({ pathname: location.pathname, search: `?${viewSearch(target)}` }, { replace: true })
    else if (target === null) {
      addNotice({ message: translateComponent('SavedViews.notFound', resourceId), type: 'error' })
      navigate({ pathname: location.pathname, search: '?view=all' }, { replace: true })
    }
    // Once per view to open (or missing): the rest are stable for that view.
  }, [target === undefined ? '' : (target?.id ?? 'missing')])
  // The bare list does not wait for the views (most admins have no default: their first rows come
  // as fast as before), and moves to the default once it is known.
  return { views, waiting: onlyView && (views.loading || Boolean(target)) }
}

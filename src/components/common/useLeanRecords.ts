import { useEffect, useState } from 'react'
import { useSelector } from 'react-redux'
import { useLocation, useNavigate } from 'react-router'
import { ApiClient, useNotice, type ReduxState, type RecordJSON, type ResourceJSON } from 'adminjs'
import { hydrateRecords } from './leanRecords.js'

const api = new ApiClient()
// AdminJS's "reload the list" mark in the URL after an action (not among its exports).
const REFRESH_KEY = 'refresh'

interface ListPage {
  records: RecordJSON[]
  page: number
  perPage: number
  total: number
  direction: 'asc' | 'desc'
  sortBy?: string
}

/**
 * AdminJS's `useRecords` for a lean list response: the same request and the same page state,
 * each row's action names turned back into the actions the panel holds (leanRecords.ts).
 */
export function useLeanRecords(resource: ResourceJSON) {
  const resources = useSelector((state: ReduxState) => state.resources)
  const [list, setList] = useState<ListPage>({
    records: [],
    page: 1,
    perPage: 10,
    total: 0,
    direction: 'asc',
  })
  const [loading, setLoading] = useState(false)
  // A first answer came: until then an empty page means "not read yet", not "nothing found".
  const [loaded, setLoaded] = useState(false)
  const location = useLocation()
  const navigate = useNavigate()
  const addNotice = useNotice()

  const fetchData = () => {
    setLoading(true)
    return api
      .resourceAction({
        actionName: 'list',
        resourceId: resource.id,
        params: new URLSearchParams(location.search),
      })
      .then((response) => {
        const data = response.data
        if (data.notice) addNotice(data.notice)
        if (data.redirectUrl) {
          navigate(data.redirectUrl)
          return
        }
        setList({
          records: hydrateRecords(data.records, resource, resources),
          page: data.meta.page,
          perPage: data.meta.perPage,
          total: data.meta.total,
          direction: data.meta.direction,
          sortBy: data.meta.sortBy,
        })
        setLoading(false)
        setLoaded(true)
      })
      .catch(() => addNotice({ message: 'errorFetchingRecords', type: 'error', resourceId: resource.id }))
  }

  useEffect(() => {
    const search = new URLSearchParams(location.search)
    if (search.get(REFRESH_KEY)) {
      search.delete(REFRESH_KEY)
      navigate({ pathname: location.pathname, search: search.toString() }, { replace: true })
    } else {
      // fetchData reports its own failure as a notice.
      void fetchData()
    }
    // As AdminJS's own hook: a new resource, query or navigation state fetches again.
  }, [resource.id, location.search, location.state])

  return { ...list, loading, loaded, fetchData }
}

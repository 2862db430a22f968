import React, { useEffect } from 'react'
import { useLocation } from 'react-router'
import { Box, Pagination, Text } from '@adminjs/design-system'
import { RecordsTable, useQueryParams, useSelectedRecords, type ActionProps } from 'adminjs'
import { useLeanRecords } from './useLeanRecords.js'

/**
 * AdminJS's list (its table, row menus, checkboxes, bulk bar and pages) over a lean response:
 * the rows carry the names of their actions, not the actions (actions/core/leanRecords.ts).
 * `empty`, when given, replaces AdminJS's "no records" once a load found none.
 */
const LeanList: React.FC<ActionProps & { empty?: React.ReactNode }> = ({ resource, setTag, empty }) => {
  const { records, loading, loaded, direction, sortBy, page, total, perPage, fetchData } =
    useLeanRecords(resource)
  const { selectedRecords, handleSelect, handleSelectAll, setSelectedRecords } = useSelectedRecords(records)
  const location = useLocation()
  const { storeParams } = useQueryParams()

  useEffect(() => {
    setTag?.(total.toString())
  }, [total, setTag])

  useEffect(() => {
    setSelectedRecords([])
  }, [resource.id, setSelectedRecords])

  useEffect(() => {
    const search = new URLSearchParams(location.search)
    const recordIds = search.get('recordIds')?.split(',') ?? []
    setSelectedRecords(search.get('refresh') ? [] : records.filter((r) => recordIds.includes(String(r.id))))
  }, [location.search, records, setSelectedRecords])

  if (empty && loaded && !loading && records.length === 0) return <>{empty}</>

  return (
    // AdminJS's data-css name of the list's wrapper (its helper is not in the browser's bundle).
    <Box variant="container" data-css={`${resource.id}-list-table-wrapper`}>
      <RecordsTable
        resource={resource}
        records={records}
        actionPerformed={() => fetchData()}
        onSelect={handleSelect}
        onSelectAll={handleSelectAll}
        selectedRecords={selectedRecords}
        direction={direction}
        sortBy={sortBy}
        isLoading={loading}
      />
      <Text mt="xl" textAlign="center">
        <Pagination
          page={page}
          perPage={perPage}
          total={total}
          onChange={(pageNumber: number) => storeParams({ page: pageNumber.toString() })}
        />
      </Text>
    </Box>
  )
}

export default LeanList

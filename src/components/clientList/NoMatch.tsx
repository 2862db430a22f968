import React from 'react'
import { Box, Button, Icon, Text } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'

/**
 * What an empty search says instead of AdminJS's "no records, create the first one" (the book is
 * not empty, the query found nobody): the query quoted, and a button that clears it.
 */
const NoMatch: React.FC<{ resourceId: string; query: string; onClear: () => void }> = ({
  resourceId,
  query,
  onClear,
}) => {
  const { translateComponent } = useTranslation()
  return (
    <Box variant="container" py="xl" textAlign="center" data-testid="client-search-empty" role="status">
      <Text mb="lg">{translateComponent('ClientList.noMatch', resourceId, { query })}</Text>
      <Button type="button" variant="outlined" onClick={onClear} data-testid="client-search-clear">
        <Icon icon="X" />
        {translateComponent('ClientList.clearSearch', resourceId)}
      </Button>
    </Box>
  )
}

export default NoMatch

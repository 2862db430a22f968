import React from 'react'
import { Box, Label, Text } from '@adminjs/design-system'

/** One value under its label, as the header and the details tab show a field. */
const LabelledValue: React.FC<{ label: string; children: React.ReactNode; testId?: string }> = ({
  label,
  children,
  testId,
}) => (
  <Box mb="lg" mr="xl" style={{ minWidth: 180 }} data-testid={testId}>
    <Label>{label}</Label>
    <Text>{children}</Text>
  </Box>
)

export default LabelledValue

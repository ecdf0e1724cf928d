/** Apollo Client's `possibleTypes`: every interface and union → its object types. */
export const possibleTypes: Record<string, string[]> = {
  "Entity": [
    "Capability",
    "Checkpoint",
    "Country",
    "Indicator",
    "MeasureCategory",
    "Meeting",
    "Office",
    "Organisation",
    "Plan"
  ],
  "MeetingMember": [
    "Office",
    "Organisation"
  ],
  "Node": [
    "Agreement",
    "Capability",
    "Checkpoint",
    "Country",
    "Indicator",
    "MeasureCategory",
    "Meeting",
    "Office",
    "Organisation",
    "Plan"
  ]
};

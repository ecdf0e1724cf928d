/** Apollo Client's `possibleTypes`: every interface and union → its object types. */
export const possibleTypes: Record<string, string[]> = {
  "Entity": [
    "Capability",
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
    "Country",
    "Indicator",
    "MeasureCategory",
    "Meeting",
    "Office",
    "Organisation",
    "Plan"
  ]
};

/** A small released schema for the schema-check tests, and edits of its SDL. */
export function without(sdl: string, ...lines: RegExp[]): string {
  return lines.reduce((s, re) => s.replace(re, ''), sdl);
}

export const releasedSdl = /* GraphQL */ `
  "A meeting."
  type Meeting {
    "Id."
    id: ID!
    "Name."
    name: String!
    "Old name of the chief."
    chiefName: String @deprecated(reason: "Use chief { name }.")
    "Short name."
    shortName: String
    "The chief."
    chief: Office
  }
  "An office."
  type Office {
    "Id."
    id: ID!
    "Name."
    name: String!
  }
  "Kinds."
  enum Kind {
    "A."
    A
    "B."
    B @deprecated(reason: "Gone soon.")
  }
  "Root."
  type Query {
    "A meeting."
    meeting("Id." id: ID!, "Old flag." legacy: Boolean @deprecated(reason: "Ignored.")): Meeting
    "Kinds."
    kinds: [Kind!]!
    "Old lookup."
    oldOffice: Office @deprecated(reason: "Use meeting { chief }.")
  }
`;

/**
 * The colour and shape of each entity type in the picture (and its legend). Every label the API shows as an
 * Entity has one: tests/domain/vocabulary.unit.test.ts fails for a type without.
 */
import type cytoscape from 'cytoscape';

export const NODE_STYLE: Record<string, [colour: string, shape: cytoscape.Css.NodeShape]> = {
  Office: ['#4e79a7', 'ellipse'],
  Organisation: ['#59a14f', 'round-rectangle'],
  Meeting: ['#f28e2b', 'diamond'],
  Plan: ['#b07aa1', 'rectangle'],
  Country: ['#76b7b2', 'hexagon'],
  Capability: ['#9c755f', 'triangle'],
  Indicator: ['#e15759', 'star'],
  MeasureCategory: ['#bab0ac', 'tag'],
};

/**
 * The colour and shape of each entity type in the picture (and its legend). Every label the API shows as an
 * Entity (src/domain/vocabulary.ts) has one: its chosen look below, or else the next colour and shape no chosen
 * look takes, by its order in the vocabulary, so a new type is drawn apart from the others without a line here.
 * tests/domain/vocabulary.unit.test.ts fails when two types look alike or a chosen look is of no such label.
 */
import type cytoscape from 'cytoscape';
import { SEARCHABLE_LABELS } from '../../domain/vocabulary.js';

type Style = [colour: string, shape: cytoscape.Css.NodeShape];

/** The looks chosen by hand, from the Tableau 10 palette. */
export const CHOSEN_STYLE: Readonly<Record<string, Style>> = {
  Office: ['#4e79a7', 'ellipse'],
  Organisation: ['#59a14f', 'round-rectangle'],
  Meeting: ['#f28e2b', 'diamond'],
  Plan: ['#b07aa1', 'rectangle'],
  Country: ['#76b7b2', 'hexagon'],
  Capability: ['#9c755f', 'triangle'],
  Indicator: ['#e15759', 'star'],
  MeasureCategory: ['#bab0ac', 'tag'],
};

/** What a type without a chosen look is drawn with: the rest of the Tableau 10 palette, then more. */
const COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#d62728'];
const SHAPES: cytoscape.Css.NodeShape[] = ['pentagon', 'octagon', 'vee', 'rhomboid', 'barrel', 'round-triangle', 'heptagon', 'cut-rectangle'];

function stylesOf(labels: readonly string[]): Record<string, Style> {
  const chosen = Object.values(CHOSEN_STYLE);
  const colours = COLOURS.filter((c) => !chosen.some(([taken]) => taken === c));
  const shapes = SHAPES.filter((s) => !chosen.some(([, taken]) => taken === s));
  const unchosen = labels.filter((l) => !Object.hasOwn(CHOSEN_STYLE, l));
  return Object.fromEntries(
    labels.map((l): [string, Style] => {
      const i = unchosen.indexOf(l);
      return [l, CHOSEN_STYLE[l] ?? [colours[i % colours.length]!, shapes[i % shapes.length]!]];
    }),
  );
}

/** Every drawn type's look, in the vocabulary's order. */
export const NODE_STYLE: Readonly<Record<string, Style>> = stylesOf(SEARCHABLE_LABELS);

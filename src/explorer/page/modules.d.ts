// The cytoscape extensions bundled with the explorer ship no types: each is registered with cytoscape.use().
declare module 'cytoscape-fcose' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext;
  export default extension;
}

"""The swimlane canvas: a QGraphicsScene mirroring the map, and the view around it."""

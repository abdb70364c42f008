"""Paints maps onto any QPainter: the canvas, PNG, SVG and PDF share this code."""
